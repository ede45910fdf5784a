"""`make demo`: start the local stack, upload the sample article, print what the API answers.

Keeps the stack running for the browser when started from a terminal (Ctrl-C stops it);
in CI or with DEMO_KEEP=0 it stops after printing.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.request
from pathlib import Path

import boto3

from newsextract.bootstrap import build_extractor
from newsextract.ids import article_id
from newsextract.local import LocalConfig, LocalStack

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "harbor-bridge-2024-03-05.txt"


def api_get(config: LocalConfig, path: str) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(config.api_url + path, headers={"x-api-key": config.api_key})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def main() -> int:
    config = LocalConfig(
        aws_port=int(os.environ.get("DEMO_AWS_PORT", "4566")),
        api_port=int(os.environ.get("DEMO_API_PORT", "3000")),
    )
    print("loading the spaCy pipeline ...", flush=True)
    build_extractor()
    stack = LocalStack(config)
    stack.start()
    try:
        s3 = boto3.client("s3", endpoint_url=config.endpoint_url)
        s3.put_object(
            Bucket=config.bucket, Key=SAMPLE.name, Body=SAMPLE.read_bytes(), ContentType="text/plain"
        )
        print(f"uploaded {SAMPLE.name} to s3://{config.bucket}/ at {config.endpoint_url}", flush=True)
        identifier = article_id(SAMPLE.name, config.bucket)
        deadline = time.monotonic() + 120
        status, body = api_get(config, f"/articles/{identifier}")
        while status == 404 and time.monotonic() < deadline:
            time.sleep(0.5)
            status, body = api_get(config, f"/articles/{identifier}")
        if status != 200:
            print(f"the API answered {status}: {body}", file=sys.stderr)
            return 1
        print(f"\n$ curl -H 'x-api-key: {config.api_key}' {config.api_url}/articles/{identifier}")
        print(json.dumps(body, indent=2, ensure_ascii=False))
        _, listing = api_get(config, "/articles")
        print(f"\n$ curl -H 'x-api-key: {config.api_key}' {config.api_url}/articles")
        print(json.dumps(listing, indent=2, ensure_ascii=False))
        print(f"\nweb page: {config.api_url}/   (API key: {config.api_key})")
        if os.environ.get("DEMO_KEEP", "1" if sys.stdin.isatty() else "0") == "1":
            print("the local stack keeps running; Ctrl-C to stop", flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
