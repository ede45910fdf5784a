"""Load test of the local stack: uploads (duplicated, updated, deleted, malformed) and concurrent API reads.

Starts ``LocalStack`` in this process on free ports of 127.0.0.1, preloads the pipeline, then

1. uploads ``--uploads`` objects from a few threads: new articles, exact re-uploads, updated versions, uploads
   deleted again, and malformed ones (PDF, PNG, empty, broken or mistyped JSON);
2. meanwhile and afterwards sends ``--reads`` API reads from ``--threads`` threads (lists, articles, entity
   and speaker queries);
3. waits until the queue is drained (bounded by ``--timeout``) and verifies, from a full table scan and the
   API: every live key has exactly one complete result matching its newest upload, every deleted key has
   none, every malformed key is ``failed`` with a reason, and the dead-letter queue is empty.

Prints a JSON summary and writes it to ``--out`` (default ``bench/load_results.json``); exits 1 if a check
failed. Example: ``OMP_NUM_THREADS=1 .venv/bin/python scripts/load_test.py --uploads 200 --reads 1000``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
PEOPLE = ["Maria Delgado", "Tom Okafor", "Lena Fischer", "Ravi Menon", "Ana Souza", "Kenji Watanabe"]
ORGS = ["the Northbay Port Authority", "the city council", "Harbor Transit", "the state health department"]
TOPICS = ["the bridge repairs", "the new ferry line", "the budget vote", "the water tests", "the school plan"]
MALFORMED: list[tuple[str, bytes]] = [
    ("pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(32)),
    ("txt", b""),
    ("txt", b" \n\t \n"),
    ("json", b'{"title": "Broken", "body": '),
    ("json", b'{"title": "Typed", "body": 42}'),
    ("zip", b"PK\x03\x04" + bytes(26)),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def story(rng: random.Random, number: int, revision: int) -> str:
    person, other = rng.sample(PEOPLE, 2)
    org, topic = rng.choice(ORGS), rng.choice(TOPICS)
    return (
        f"{person} of {org} spoke about {topic} on Tuesday (story {number}, revision {revision}). "
        f'"We will not wait any longer," {person} said. {other} disagreed. '
        f"According to {other}, {topic} will take another year. "
        f'"The numbers are clear," {other} told reporters.'
    )


@dataclass
class Plan:
    """What each key should end as: its newest text if live, nothing if deleted, ``failed`` if malformed."""

    live: dict[str, str] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    malformed: set[str] = field(default_factory=set)
    operations: list[tuple[str, str, bytes | None]] = field(default_factory=list)
    """(kind, key, body): kind is put or delete, in the order they happen per key."""


def make_plan(uploads: int, seed: int) -> Plan:
    """About 70% new articles, 10% exact re-uploads, 8% updates, 6% uploads later deleted, 6% malformed."""
    rng = random.Random(seed)
    plan = Plan()
    per_key: dict[str, list[tuple[str, str, bytes | None]]] = {}
    keys: list[str] = []
    n_malformed = max(7, uploads * 6 // 100)
    n_deleted = max(5, uploads * 6 // 100)
    n_duplicates = max(5, uploads * 10 // 100)
    n_updates = max(5, uploads * 8 // 100)
    n_new = uploads - n_malformed - n_deleted - n_duplicates - n_updates
    for number in range(n_new):
        key = rng.choice(
            [
                "news/{n:04d}.txt",
                "news/{n:04d} story + notes.txt",
                "news/été/{n:04d} café 100%.txt",
                "wire/{n:04d}.md",
            ]
        ).format(n=number)
        text = story(rng, number, 0)
        per_key[key] = [("put", key, text.encode())]
        plan.live[key] = text
        keys.append(key)
    for key in rng.sample(keys, n_duplicates):
        per_key[key].append(("put", key, plan.live[key].encode()))
    for revision, key in enumerate(rng.sample(keys, n_updates), start=1):
        text = story(rng, 10_000 + revision, revision)
        per_key[key].append(("put", key, text.encode()))
        plan.live[key] = text
    for number in range(n_deleted):
        key = f"gone/{number:04d}.txt"
        per_key[key] = [("put", key, story(rng, 20_000 + number, 0).encode()), ("delete", key, None)]
        plan.deleted.add(key)
    for number in range(n_malformed):
        extension, body = MALFORMED[number % len(MALFORMED)]
        key = f"bad/{number:04d}.{extension}"
        per_key[key] = [("put", key, body)]
        plan.malformed.add(key)
    for operations in per_key.values():
        plan.operations.extend(operations)
    rng.shuffle(plan.operations)
    ordered: list[tuple[str, str, bytes | None]] = []
    seen: dict[str, int] = {}
    for _, key, _ in plan.operations:
        index = seen.get(key, 0)
        ordered.append(per_key[key][index])
        seen[key] = index + 1
    plan.operations = ordered
    return plan


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    position = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[position]


class Reader:
    """Bounded API reads from a thread pool; records latency and status of each."""

    def __init__(self, api_url: str, api_key: str, plan: Plan, seed: int) -> None:
        self.api_url = api_url
        self.api_key = api_key
        self.rng = random.Random(seed)
        self.plan = plan
        self.latencies: list[float] = []
        self.by_route: dict[str, list[float]] = {}
        self.statuses: dict[str, int] = {}
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def path(self) -> str:
        from newsextract.ids import article_id

        choice = self.rng.random()
        if choice < 0.3:
            return "/articles?limit=20"
        if choice < 0.6:
            key = self.rng.choice(sorted(self.plan.live))
            return f"/articles/{article_id(key, 'load-articles')}"
        if choice < 0.7:
            key = self.rng.choice(sorted(self.plan.live))
            return f"/articles/{article_id(key, 'load-articles')}/entities"
        if choice < 0.85:
            return "/entities/" + urllib.parse.quote(self.rng.choice(PEOPLE), safe="") + "/articles?limit=10"
        return "/speakers/" + urllib.parse.quote(self.rng.choice(PEOPLE), safe="") + "/statements?limit=10"

    def read(self, path: str) -> None:
        request = urllib.request.Request(self.api_url + path, headers={"x-api-key": self.api_key})
        started = time.perf_counter()
        status = 0
        body = b""
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            body = error.read()
            status = error.code
        except OSError as error:
            with self.lock:
                self.errors.append(f"{path}: {type(error).__name__}: {error}")
        elapsed = time.perf_counter() - started
        route = "/" + "/".join(
            "{}" if i % 2 else part for i, part in enumerate(path.split("?")[0].split("/")[1:])
        )
        with self.lock:
            self.latencies.append(elapsed)
            self.by_route.setdefault(route, []).append(elapsed * 1000)
            self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
            if status not in (0, 200, 404):
                self.errors.append(f"{path}: HTTP {status} {body[:200].decode('utf-8', 'replace')}")

    def run(self, count: int, threads: int, deadline: float) -> float:
        paths = [self.path() for _ in range(count)]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="reader") as pool:
            for path in paths:
                if time.monotonic() > deadline:
                    break
                pool.submit(self.read, path)
        return time.perf_counter() - started


def read_figures(reader: Reader, seconds: float | None) -> dict[str, Any]:
    latencies_ms = [value * 1000 for value in reader.latencies]
    return {
        "requests": len(latencies_ms),
        "statuses": dict(sorted(reader.statuses.items())),
        "reads_per_second": round(len(latencies_ms) / seconds, 1) if seconds else None,
        "latency_ms": {
            "p50": round(percentile(latencies_ms, 50), 1),
            "p95": round(percentile(latencies_ms, 95), 1),
            "p99": round(percentile(latencies_ms, 99), 1),
            "max": round(max(latencies_ms), 1) if latencies_ms else None,
        },
        "p50_ms_by_route": {
            route: round(percentile(v, 50), 1) for route, v in sorted(reader.by_route.items())
        },
    }


def pipeline_throughput(extractor: Any, texts: list[str]) -> float:
    """Articles per second of the pipeline alone (no AWS), over ``texts`` in one ``nlp.pipe`` batch."""
    from newsextract.formats import Article
    from newsextract.ids import article_id, content_sha256
    from newsextract.nlp.extractor import ArticleInput

    inputs = [
        ArticleInput(article_id(str(n)), None, Article(text=text), content_sha256(text.encode()))
        for n, text in enumerate(texts)
    ]
    started = time.perf_counter()
    extractor.extract_many(inputs)
    return round(len(inputs) / (time.perf_counter() - started), 1)


def upload_all(s3: Any, bucket: str, plan: Plan, threads: int) -> float:
    """Run the plan's operations; each key's operations stay in order (one key -> one thread)."""
    lanes: list[list[tuple[str, str, bytes | None]]] = [[] for _ in range(threads)]
    lane_of: dict[str, int] = {}
    for operation in plan.operations:
        lane = lane_of.setdefault(operation[1], len(lane_of) % threads)
        lanes[lane].append(operation)

    def run(lane: list[tuple[str, str, bytes | None]]) -> None:
        for kind, key, body in lane:
            if kind == "put":
                s3.put_object(Bucket=bucket, Key=key, Body=body or b"")
            else:
                s3.delete_object(Bucket=bucket, Key=key)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="uploader") as pool:
        for future in [pool.submit(run, lane) for lane in lanes]:
            future.result()
    return time.perf_counter() - started


def queue_depth(sqs: Any, url: str) -> int:
    attributes = sqs.get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def scan_table(dynamodb: Any, table: str) -> dict[str, list[dict[str, Any]]]:
    by_pk: dict[str, list[dict[str, Any]]] = {}
    kwargs: dict[str, Any] = {"TableName": table, "ConsistentRead": True}
    while True:
        page = dynamodb.scan(**kwargs)
        for item in page["Items"]:
            by_pk.setdefault(item["pk"]["S"], []).append(item)
        if "LastEvaluatedKey" not in page:
            return by_pk
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def generation_problem(items: list[dict[str, Any]]) -> str | None:
    """None if the article has one meta item and exactly the items of its generation."""
    metas = [i for i in items if i["sk"]["S"] == "META"]
    if len(metas) != 1:
        return f"{len(metas)} meta items"
    meta = metas[0]
    if meta.get("status", {}).get("S") == "deleted":
        return "deleted" if len(items) == 1 else "tombstone with leftover items"
    gen = meta["gen"]["S"]
    rest = [i["sk"]["S"] for i in items if i["sk"]["S"] != "META"]
    if any(not sk.startswith(f"G#{gen}#") for sk in rest):
        return "items of another generation"
    if len(rest) != int(meta["items"]["N"]):
        return f"{len(rest)} items, meta says {meta['items']['N']}"
    return None


def verify(plan: Plan, config: Any, clients: dict[str, Any], queue: dict[str, str]) -> dict[str, Any]:
    from newsextract.ids import article_id
    from newsextract.store import DynamoDBStore

    table = scan_table(clients["dynamodb"], config.table)
    store = DynamoDBStore(config.table, client=clients["dynamodb"])
    problems: list[str] = []
    for key, text in plan.live.items():
        identifier = article_id(key, config.bucket)
        problem = generation_problem(table.get(f"A#{identifier}", []))
        result = store.get_result(identifier)
        if problem:
            problems.append(f"live {key!r}: {problem}")
        elif result is None or result.article.status != "done":
            problems.append(f"live {key!r}: no complete result")
        elif result.article.text != text:
            problems.append(f"live {key!r}: result is not the newest upload")
    for key in plan.deleted:
        items = table.get(f"A#{article_id(key, config.bucket)}", [])
        if items and generation_problem(items) != "deleted":
            problems.append(f"deleted {key!r}: {len(items)} item(s) left")
    for key in plan.malformed:
        result = store.get_result(article_id(key, config.bucket))
        if result is None or result.article.status != "failed" or not result.article.error:
            problems.append(f"malformed {key!r}: not failed with a reason")
    expected = {f"A#{article_id(k, config.bucket)}" for k in (*plan.live, *plan.malformed, *plan.deleted)}
    unexpected = sorted(set(table) - expected)
    if unexpected:
        problems.append(f"{len(unexpected)} unexpected article(s) in the table")
    dlq = queue_depth(clients["sqs"], queue["dlq_url"])
    if dlq:
        problems.append(f"{dlq} message(s) in the dead-letter queue")
    return {
        "live_keys": len(plan.live),
        "deleted_keys": len(plan.deleted),
        "malformed_keys": len(plan.malformed),
        "table_items": sum(len(items) for items in table.values()),
        "dlq_messages": dlq,
        "problems": problems[:50],
        "problem_count": len(problems),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--uploads", type=int, default=200, help="S3 writes (puts and deletes), >= 50")
    parser.add_argument("--reads", type=int, default=1000, help="API reads")
    parser.add_argument("--threads", type=int, default=8, help="reader threads")
    parser.add_argument("--upload-threads", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=900, help="stop waiting after this many seconds")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "load_results.json")
    args = parser.parse_args(argv)
    if args.uploads < 50 or args.reads < 1 or not 1 <= args.threads <= 64:
        parser.error("--uploads must be >= 50, --reads >= 1, --threads 1..64")
    deadline = time.monotonic() + args.timeout
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "ERROR")
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "TABLE_NAME"):
        os.environ.pop(name, None)

    from newsextract.bootstrap import build_extractor
    from newsextract.local import LocalConfig, LocalStack

    started_load = time.perf_counter()
    extractor = build_extractor()
    load_seconds = time.perf_counter() - started_load
    plan = make_plan(args.uploads, args.seed)
    pipeline_rate = pipeline_throughput(extractor, sorted(plan.live.values())[:50])
    config = LocalConfig(
        host=HOST,
        aws_port=free_port(),
        api_port=free_port(),
        bucket="load-articles",
        api_key="load-test-key",
        quiet=True,
    )
    stack = LocalStack(config)
    with contextlib.redirect_stdout(sys.stderr):
        summary = run(args, plan, stack, deadline)
    summary["environment"].update(
        model=f"{extractor.model.name} {extractor.model.version}",
        model_load_seconds=round(load_seconds, 2),
        pipeline_articles_per_second=pipeline_rate,
    )
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    return 0 if summary.get("ok") else 1


def run(args: argparse.Namespace, plan: Plan, stack: Any, deadline: float) -> dict[str, Any]:
    """Start the stack, upload and read, verify; the handlers' stdout (logs, EMF) goes where stdout is."""
    import boto3

    config = stack.config
    writes = len(plan.operations)
    try:
        stack.start()
        clients = {
            name: boto3.client(name, endpoint_url=config.endpoint_url) for name in ("s3", "sqs", "dynamodb")
        }
        during = Reader(config.api_url, config.api_key, plan, args.seed)
        after = Reader(config.api_url, config.api_key, plan, args.seed + 1)
        t0 = time.perf_counter()
        reads_during = threading.Thread(
            target=during.run, args=(args.reads // 2, args.threads, deadline), name="reads-during"
        )
        reads_during.start()
        upload_seconds = upload_all(clients["s3"], config.bucket, plan, args.upload_threads)
        drained = 0.0
        while time.monotonic() < deadline:
            if queue_depth(clients["sqs"], stack.resources["queue_url"]) == 0:
                drained = time.perf_counter() - t0
                time.sleep(2 * config.visibility_timeout)
                if queue_depth(clients["sqs"], stack.resources["queue_url"]) == 0:
                    break
            time.sleep(0.2)
        else:
            drained = time.perf_counter() - t0
        reads_during.join(max(1.0, deadline - time.monotonic()))
        after_seconds = after.run(args.reads - args.reads // 2, args.threads, deadline)
        checks = verify(plan, config, clients, stack.resources)
        not_ok_after = {code: n for code, n in after.statuses.items() if code != "200"}
        if not_ok_after:
            checks["problems"].append(f"reads after the drain answered {not_ok_after}")
            checks["problem_count"] += 1
        errors = during.errors + after.errors
        requests = len(during.latencies) + len(after.latencies)
        summary = {
            "uploads": {
                "writes": writes,
                "puts": sum(1 for o in plan.operations if o[0] == "put"),
                "deletes": sum(1 for o in plan.operations if o[0] == "delete"),
                "upload_seconds": round(upload_seconds, 2),
                "drained_seconds": round(drained, 2),
                "writes_per_second_end_to_end": round(writes / drained, 2),
            },
            "reads": {
                "requests": requests,
                "threads": args.threads,
                "during_uploads": read_figures(during, None),
                "after_drain": read_figures(after, after_seconds),
            },
            "errors": {"read_errors": len(errors), "examples": errors[:10]},
            "verification": checks,
            "ok": checks["problem_count"] == 0 and not errors and requests == args.reads,
            "environment": {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
            },
        }
    finally:
        stack.stop()
    return summary


if __name__ == "__main__":
    sys.exit(main())
