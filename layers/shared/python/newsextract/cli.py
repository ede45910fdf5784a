"""The ``newsextract`` command: extract, info, local, eval, redrive, reprocess.

Errors are one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsextract import __version__

EXIT_INPUT_ERROR = 1
EXIT_USAGE_ERROR = 2


class CommandError(Exception):
    """A failure the user can act on; printed as one line."""


def _error(message: str) -> None:
    print(f"newsextract: {' '.join(message.split())}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from newsextract.bootstrap import build_extractor
    from newsextract.formats import ArticleError

    extractor = build_extractor()
    status = 0
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for raw_path in args.paths:
        path = Path(raw_path)
        try:
            data = sys.stdin.buffer.read() if raw_path == "-" else path.read_bytes()
            result = extractor.extract_one(data, key=path.name if raw_path != "-" else None).to_dict()
        except (OSError, ArticleError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            _error(f"{raw_path}: {reason}")
            status = EXIT_INPUT_ERROR
            continue
        if args.out:
            target = args.out / f"{path.name}.json"
            target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        else:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    return status


def cmd_info(args: argparse.Namespace) -> int:
    import spacy

    from newsextract.nlp.extractor import model_info
    from newsextract.nlp.pipeline import load_pipeline, resolve_pipeline

    choice = resolve_pipeline()
    nlp = load_pipeline()
    model = model_info(nlp)
    info: dict[str, Any] = {
        "version": __version__,
        "spacy_version": spacy.about.__version__,
        "model": {
            "name": model.name,
            "version": model.version,
            "path": str(Path(choice.core).resolve()) if Path(choice.core).exists() else None,
            "package": None if Path(choice.core).exists() else choice.core,
            "pipeline": list(nlp.pipe_names),
        },
        "attribution_model": str(choice.attribution) if choice.attribution else None,
    }
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        print(f"newsextract {info['version']} (spaCy {info['spacy_version']})")
        print(f"model: {model.name} {model.version} at {info['model']['path'] or info['model']['package']}")
        print(f"pipeline: {', '.join(info['model']['pipeline'])}")
        print(f"attribution model: {info['attribution_model']}")
    return 0


def cmd_local(args: argparse.Namespace) -> int:
    from newsextract.local import LocalConfig, LocalStack

    config = LocalConfig(
        host=args.host,
        aws_port=args.aws_port,
        api_port=args.api_port,
        bucket=args.bucket,
        api_key=args.api_key,
        quiet=not args.verbose,
    )
    stack = LocalStack(config)
    if not args.no_preload:
        from newsextract.bootstrap import build_extractor

        build_extractor()
    try:
        stack.start()
    except OSError as error:
        raise CommandError(f"cannot start the local stack: {error}") from error
    print(f"newsextract local stack is up (Ctrl-C to stop)\n"
          f"  AWS endpoint : {config.endpoint_url}   bucket: {config.bucket}\n"
          f"  API          : {config.api_url}   header x-api-key: {config.api_key}\n"
          f"  web page     : {config.api_url}/\n"
          f"  try: aws --endpoint-url {config.endpoint_url} s3 cp story.txt s3://{config.bucket}/\n"
          f"       curl -H 'x-api-key: {config.api_key}' {config.api_url}/articles", flush=True)  # fmt: skip
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from newsextract.evaluation.polnear import evaluate_polnear
    from newsextract.nlp.pipeline import load_pipeline

    corpus = args.corpus or Path(os.environ.get("NEWSEXTRACT_CORPORA", _default_corpora())) / "polnear"
    if not corpus.is_dir():
        raise CommandError(f"PolNeAR corpus not found at {corpus} (use --corpus or NEWSEXTRACT_CORPORA)")
    report = evaluate_polnear(corpus, args.split, load_pipeline(), limit=args.limit)
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.format_table())
    return 0


def _default_corpora() -> str:
    return str(Path(__file__).resolve().parents[5] / "shared" / "corpora")


def cmd_redrive(args: argparse.Namespace) -> int:
    import boto3

    from newsextract.operations import redrive

    moved = redrive(
        boto3.client("sqs", endpoint_url=args.endpoint_url), args.dlq_url, args.queue_url, limit=args.limit
    )
    print(f"moved {moved} message(s) from the dead-letter queue back to the queue")
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    import boto3

    from newsextract.operations import reprocess

    sent = reprocess(
        boto3.client("s3", endpoint_url=args.endpoint_url),
        boto3.client("sqs", endpoint_url=args.endpoint_url),
        bucket=args.bucket,
        queue_url=args.queue_url,
        prefix=args.prefix,
        rate=args.rate,
    )
    print(f"enqueued {sent} object(s) from s3://{args.bucket}/{args.prefix}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsextract", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--version", action="version", version=f"newsextract {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract entities and statements from files")
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files (text, Markdown, HTML, JSON); - for stdin"
    )
    extract.add_argument(
        "--out", type=Path, help="write DIR/<input name>.json instead of JSON Lines on stdout"
    )
    extract.set_defaults(run=cmd_extract)

    info = commands.add_parser("info", help="package, model and spaCy versions")
    info.add_argument("--json", action="store_true")
    info.set_defaults(run=cmd_info)

    local = commands.add_parser("local", help="run the whole stack on this machine (moto, worker, API)")
    local.add_argument("--host", default="127.0.0.1")
    local.add_argument("--aws-port", type=int, default=4566)
    local.add_argument("--api-port", type=int, default=3000)
    local.add_argument("--bucket", default="articles")
    local.add_argument("--api-key", default="local-dev-key")
    local.add_argument("--verbose", action="store_true", help="show handler logs and metrics")
    local.add_argument("--no-preload", action="store_true", help="load the model on the first article")
    local.set_defaults(run=cmd_local)

    evaluate = commands.add_parser("eval", help="score statement extraction on PolNeAR")
    evaluate.add_argument("corpus_name", choices=["polnear"])
    evaluate.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    evaluate.add_argument(
        "--corpus", type=Path, help="PolNeAR directory (default $NEWSEXTRACT_CORPORA/polnear)"
    )
    evaluate.add_argument("--limit", type=int, help="only the first N articles")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(run=cmd_eval)

    redrive_cmd = commands.add_parser("redrive", help="move dead-lettered messages back to the queue")
    redrive_cmd.add_argument("--dlq-url", required=True)
    redrive_cmd.add_argument("--queue-url", required=True)
    redrive_cmd.add_argument("--limit", type=int, help="at most N messages")
    redrive_cmd.add_argument("--endpoint-url", help="e.g. http://127.0.0.1:4566 for the local stack")
    redrive_cmd.set_defaults(run=cmd_redrive)

    reprocess_cmd = commands.add_parser(
        "reprocess", help="re-enqueue every object of a bucket for extraction"
    )
    reprocess_cmd.add_argument("--bucket", required=True)
    reprocess_cmd.add_argument("--prefix", default="")
    reprocess_cmd.add_argument("--queue-url", required=True)
    reprocess_cmd.add_argument("--rate", type=float, default=50.0, help="messages per second (default 50)")
    reprocess_cmd.add_argument("--endpoint-url", help="e.g. http://127.0.0.1:4566 for the local stack")
    reprocess_cmd.set_defaults(run=cmd_reprocess)
    return parser


def _numpy_without_huge_pages() -> None:
    """Unless the user chose otherwise: NumPy asks for no transparent huge pages (read when NumPy is first
    imported, which the commands do lazily). On Linux VMs whose THP mode is ``madvise`` they cost the pipeline
    12 % of its speed at batch size 8 and half at 64 (docs/performance.md); the template sets the same."""
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")


def main(argv: Sequence[str] | None = None) -> int:
    _numpy_without_huge_pages()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except CommandError as error:
        _error(str(error))
        return EXIT_USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        _error(f"{type(error).__name__}: {error}")
        return EXIT_USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
