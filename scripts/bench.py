"""`make bench`: speed, cold start, memory and API latency, on one core. Writes bench/results.json.

Texts: the PolNeAR dev articles plus the sample articles. Measured in one run:
- the bare spaCy core pipeline (``nlp.pipe`` alone) and the whole extraction (core + attribution model +
  entity clustering + statement grouping) on the same texts -> words/s and their ratio;
- per-article latency of the whole extraction (p50/p95);
- cold start: a fresh process importing the extraction handler, loading the model, extracting one article;
- peak memory (VmHWM, the peak resident set) of a fresh process running the whole extraction over all texts;
- the API handler in-process against moto: GET /articles/{id} and GET /entities/{name}/articles (p50/p99);
- a batch-size sweep of ``nlp.pipe``;
- the bare pipeline in fresh processes with NumPy's transparent huge pages off (``NUMPY_MADVISE_HUGEPAGE=0``,
  as the Makefile and the template set it) and on (NumPy's default): CPU words/s and kernel time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEXTRACT_SHARED", REPO.parent / "shared"))
THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS", "MKL_NUM_THREADS")
ONE_THREAD = dict.fromkeys(THREADS, "1")


def pin_to_one_core() -> None:
    os.environ.update(ONE_THREAD)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})


def load_texts(limit: int | None) -> list[str]:
    from newsextract.formats import parse_article

    paths = sorted((SHARED / "corpora" / "polnear" / "dev" / "text").glob("*.txt"))[:limit]
    paths += sorted((SHARED / "articles").glob("*.txt")) + sorted((REPO / "samples").glob("*.txt"))
    return [parse_article(path.read_bytes(), path.name).text for path in paths]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_pipeline(run: Any, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def bench_extraction(texts: list[str], rounds: int) -> dict[str, Any]:
    import spacy

    from newsextract.formats import Article
    from newsextract.ids import article_id
    from newsextract.nlp.extractor import ArticleInput, Extractor
    from newsextract.nlp.pipeline import load_pipeline, resolve_pipeline

    words = sum(len(text.split()) for text in texts)
    characters = sum(len(text) for text in texts)
    bare = spacy.load(resolve_pipeline().core)
    extractor = Extractor(load_pipeline())
    inputs = [ArticleInput(article_id(str(i)), str(i), Article(text), "") for i, text in enumerate(texts)]
    extractor.extract_many(inputs[:2])
    list(bare.pipe(texts[:2]))
    bare_seconds = time_pipeline(lambda: list(bare.pipe(texts, batch_size=8)), rounds)
    whole_seconds = time_pipeline(lambda: extractor.extract_many(inputs), rounds)
    latencies = []
    for item in inputs:
        start = time.perf_counter()
        extractor.extract_many([item])
        latencies.append((time.perf_counter() - start) * 1000)
    sweep = {}
    for batch_size in (1, 4, 8, 16):
        seconds = time_pipeline(lambda size=batch_size: list(bare.pipe(texts, batch_size=size)), 1)  # type: ignore[misc]
        sweep[str(batch_size)] = round(words / seconds)
    return {
        "articles": len(texts),
        "words": words,
        "characters_per_word": round(characters / words, 2),
        "bare_pipeline_words_per_second": round(words / bare_seconds),
        "extraction_words_per_second": round(words / whole_seconds),
        "extraction_to_bare_time_ratio": round(whole_seconds / bare_seconds, 3),
        "article_latency_ms_p50": round(percentile(latencies, 0.5), 1),
        "article_latency_ms_p95": round(percentile(latencies, 0.95), 1),
        "bare_pipeline_words_per_second_by_batch_size": sweep,
        "model": extractor.model.to_dict(),
    }


def fresh_process_output(code: str, env: dict[str, str]) -> str:
    """Standard output of ``code`` run by this Python in a new process (cold imports, its own memory)."""
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout


COLD_START = """
import time, sys
start = time.perf_counter()
sys.path.insert(0, {functions!r})
import importlib.util
spec = importlib.util.spec_from_file_location("app", {handler!r})
app = importlib.util.module_from_spec(spec); spec.loader.exec_module(app)
imported = time.perf_counter()
from newsextract.bootstrap import build_extractor
extractor = build_extractor()
loaded = time.perf_counter()
extractor.extract_one(open({article!r}, "rb").read(), key="a.txt")
done = time.perf_counter()
print(imported - start, loaded - start, done - start)
"""


def bench_cold_start(runs: int) -> dict[str, Any]:
    article = SHARED / "articles" / "milley-zaluzhnyi-2023-01-17.txt"
    code = COLD_START.format(
        functions=str(REPO / "functions" / "extract"),
        handler=str(REPO / "functions" / "extract" / "app.py"),
        article=str(article),
    )
    env = {**os.environ, **ONE_THREAD, "POWERTOOLS_TRACE_DISABLED": "1", "POWERTOOLS_SERVICE_NAME": "bench"}
    samples = []
    for _ in range(runs):
        samples.append([float(value) for value in fresh_process_output(code, env).split()])
    median = [statistics.median(column) for column in zip(*samples, strict=True)]
    return {
        "cold_start_imports_s": round(median[0], 3),
        "cold_start_model_loaded_s": round(median[1], 3),
        "cold_start_first_result_s": round(median[2], 3),
        "cold_start_runs": runs,
    }


# VmHWM is the peak RSS of this process's own address space. ru_maxrss is not: Linux carries it over
# exec from the forked copy of the parent, so it would report the bench process's own size.
PEAK_MEMORY = """
import sys
sys.argv = ["bench"]
sys.path.insert(0, {scripts!r})
from bench import load_texts
from newsextract.bootstrap import build_extractor
extractor = build_extractor()
for text in load_texts({limit}):
    extractor.extract_one(text, key="a.txt")
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024)
"""


def bench_memory(limit: int | None) -> dict[str, Any]:
    code = PEAK_MEMORY.format(scripts=str(REPO / "scripts"), limit=limit)
    env = {**os.environ, **ONE_THREAD}
    return {"peak_memory_mb": round(float(fresh_process_output(code, env).split()[-1]), 1)}


HUGE_PAGES = """
import resource, sys
sys.argv = ["bench"]
sys.path.insert(0, {scripts!r})
from bench import load_texts
import spacy
from newsextract.nlp.pipeline import resolve_pipeline
nlp = spacy.load(resolve_pipeline().core)
texts = load_texts({limit})
words = sum(len(text.split()) for text in texts)
list(nlp.pipe(texts[:2]))
for _ in range(2):
    before = resource.getrusage(resource.RUSAGE_SELF)
    list(nlp.pipe(texts, batch_size=8))
    after = resource.getrusage(resource.RUSAGE_SELF)
    print(words, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)
"""


def bench_huge_pages(limit: int | None) -> dict[str, Any]:
    """Bare pipeline, best of 2 passes, in a fresh process per setting of ``NUMPY_MADVISE_HUGEPAGE``."""
    results: dict[str, Any] = {"numpy_madvise_hugepage": os.environ.get("NUMPY_MADVISE_HUGEPAGE")}
    code = HUGE_PAGES.format(scripts=str(REPO / "scripts"), limit=limit)
    for setting, name in (("0", "off"), ("1", "on")):
        env = {**os.environ, **ONE_THREAD, "NUMPY_MADVISE_HUGEPAGE": setting}
        output = fresh_process_output(code, env)
        passes = [[float(value) for value in line.split()] for line in output.splitlines()]
        words, user, system = min(passes, key=lambda sample: sample[1] + sample[2])
        results[f"huge_pages_{name}_cpu_words_per_second"] = round(words / (user + system))
        results[f"huge_pages_{name}_kernel_share"] = round(system / (user + system), 2)
    return results


def bench_api(requests: int) -> dict[str, Any]:
    import boto3
    from moto import mock_aws

    from newsextract.local import REPO_ROOT, LambdaContext, load_handler_module
    from newsextract.nlp.extractor import Extractor
    from newsextract.nlp.pipeline import load_pipeline
    from newsextract.store import DynamoDBStore

    os.environ.update(
        {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1",
         "TABLE_NAME": "bench-results", "POWERTOOLS_TRACE_DISABLED": "1", "LOG_LEVEL": "WARNING"}
    )  # fmt: skip
    os.environ.pop("AWS_ENDPOINT_URL", None)
    sys.path.insert(0, str(REPO))
    from tests.integration.tables import create_results_table

    with mock_aws():
        client = boto3.client("dynamodb")
        create_results_table(client, "bench-results")
        store = DynamoDBStore("bench-results", client=client)
        extractor = Extractor(load_pipeline())
        texts = load_texts(20)
        results = [extractor.extract_one(text, key=f"bench/{i}.txt") for i, text in enumerate(texts)]
        for result in results:
            store.put_result(result)
        items = [
            item
            for page in client.get_paginator("scan").paginate(TableName="bench-results")
            for item in page["Items"]
        ]
        by_article: dict[str, list[int]] = {}
        for item in items:
            by_article.setdefault(item["pk"]["S"], []).append(-(-len(json.dumps(item)) // 1024))
        # One transaction (2 units per KB) below 100 items, batch writes (1 unit per KB) above.
        write_units = sum(sum(units) * (2 if len(units) < 100 else 1) for units in by_article.values())
        app = load_handler_module(REPO_ROOT / "functions" / "api" / "app.py", "bench_api_app")
        target = results[-1]
        entity = next(e for e in target.entities if e.label == "PERSON")

        def timed(path: str) -> list[float]:
            latencies = []
            for _ in range(requests):
                event = {"path": path, "httpMethod": "GET", "resource": path, "headers": {"x-api-key": "k"},
                         "queryStringParameters": None, "multiValueQueryStringParameters": None,
                         "pathParameters": None, "requestContext": {"stage": "bench", "requestId": "r"},
                         "body": None, "isBase64Encoded": False}  # fmt: skip
                start = time.perf_counter()
                response = app.lambda_handler(event, LambdaContext("ApiFunction"))
                latencies.append((time.perf_counter() - start) * 1000)
                assert response["statusCode"] == 200, response
            return latencies

        article = timed(f"/articles/{target.article.id}")
        by_entity = timed(f"/entities/{entity.name}/articles")
    return {
        "api_get_article_ms_p50": round(percentile(article, 0.5), 2),
        "api_get_article_ms_p99": round(percentile(article, 0.99), 2),
        "api_entity_articles_ms_p50": round(percentile(by_entity, 0.5), 2),
        "api_entity_articles_ms_p99": round(percentile(by_entity, 0.99), 2),
        "api_requests_each": requests,
        "dynamodb_items_per_article": round(len(items) / len(results), 1),
        "dynamodb_write_units_per_article": round(write_units / len(results), 1),
        "average_characters": round(sum(len(r.article.text) for r in results) / len(results)),
    }


# us-east-1 list prices (2026): Lambda x86 per GB-second and per request, SQS per request (one receive and one
# delete per batch, one send per article), DynamoDB on-demand per write request unit, S3 GET per request.
LAMBDA_GB_SECOND_USD = 0.0000166667
LAMBDA_REQUEST_USD = 0.20 / 1e6
SQS_REQUEST_USD = 0.40 / 1e6
DYNAMODB_WRITE_UNIT_USD = 0.625 / 1e6
S3_GET_USD = 0.0004 / 1000
COMPREHEND_UNIT_USD = 0.0001  # DetectEntities, per 100 characters


def cost_per_thousand(
    results: dict[str, Any], memory_mb: int, batch_size: int, chars: int = 5000
) -> dict[str, Any]:
    """What 1,000 articles of ``chars`` characters cost at the measured speed, next to Comprehend."""
    words = chars / results["characters_per_word"]
    seconds = words / results["extraction_words_per_second"]
    lambda_usd = (
        1000 * seconds * memory_mb / 1024 * LAMBDA_GB_SECOND_USD + 1000 / batch_size * LAMBDA_REQUEST_USD
    )
    sqs_usd = (1000 + 2 * 1000 / batch_size) * SQS_REQUEST_USD
    write_units = results["dynamodb_write_units_per_article"] * chars / results["average_characters"]
    dynamodb_usd = 1000 * write_units * DYNAMODB_WRITE_UNIT_USD
    total = lambda_usd + sqs_usd + dynamodb_usd + 1000 * S3_GET_USD
    return {
        "cost_assumptions": f"{chars} chars/article, {memory_mb} MB, batch {batch_size}, us-east-1",
        "cost_lambda_usd_per_1000": round(lambda_usd, 4),
        "cost_dynamodb_usd_per_1000": round(dynamodb_usd, 4),
        "cost_total_usd_per_1000": round(total, 4),
        "comprehend_detect_entities_usd_per_1000": round(1000 * chars / 100 * COMPREHEND_UNIT_USD, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, help="only the first N PolNeAR dev texts (default all)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--api-requests", type=int, default=300)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument("--memory-mb", type=int, default=1769, help="Lambda memory for the cost estimate")
    parser.add_argument("--batch-size", type=int, default=5, help="SQS batch size for the cost estimate")
    args = parser.parse_args()
    pin_to_one_core()
    results: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores, pinned to one",
        "python": sys.version.split()[0],
    }
    results.update(bench_extraction(load_texts(args.limit), args.rounds))
    results.update(bench_cold_start(args.cold_runs))
    results.update(bench_memory(args.limit))
    results.update(bench_huge_pages(args.limit))
    results.update(bench_api(args.api_requests))
    results.update(cost_per_thousand(results, args.memory_mb, args.batch_size))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    width = max(len(key) for key in results)
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
