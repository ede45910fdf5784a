"""The whole stack on one machine, no Docker: moto server, a queue worker, and the API behind a key check.

- moto's server on ``127.0.0.1:4566`` with the bucket, queue, dead-letter queue and table created from
  ``template.yaml``'s definitions (moto's CloudFormation skips notifications and queue policies, so the
  resources are created through the API calls);
- a worker polling the queue and calling the real extraction handler with the Lambda SQS event shape,
  deleting what it acknowledged and leaving failures to come back (and reach the DLQ after 3 tries);
- the real API handler served at ``http://127.0.0.1:3000`` behind the same ``x-api-key`` check as API
  Gateway.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from newsextract.template import load_template, parameter_default, resources_of_type

REPO_ROOT = Path(__file__).resolve().parents[4]
LOCAL_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_DEFAULT_REGION": "us-east-1",
    "POWERTOOLS_SERVICE_NAME": "newsextract",
    "POWERTOOLS_METRICS_NAMESPACE": "NewsExtract",
    "POWERTOOLS_TRACE_DISABLED": "1",
}
PUBLIC_PATHS = frozenset({"/", "/openapi.json"})
"""Routes served without an API key, as in template.yaml (CORS preflights are public too)."""
log = logging.getLogger("newsextract.local")


@dataclass
class LocalConfig:
    host: str = "127.0.0.1"
    aws_port: int = 4566
    api_port: int = 3000
    bucket: str = "articles"
    api_key: str = "local-dev-key"
    table: str = "newsextract-results"
    queue: str = "newsextract-articles"
    visibility_timeout: int = 5
    template: Path = field(default_factory=lambda: REPO_ROOT / "template.yaml")
    functions_dir: Path = field(default_factory=lambda: REPO_ROOT / "functions")
    quiet: bool = True

    @property
    def endpoint_url(self) -> str:
        return f"http://{self.host}:{self.aws_port}"

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.api_port}"


class LambdaContext:
    """The attributes Powertools reads from a Lambda context."""

    def __init__(self, function_name: str, timeout_seconds: int = 900) -> None:
        self.function_name = function_name
        self.function_version = "$LATEST"
        self.memory_limit_in_mb = 1769
        self.invoked_function_arn = f"arn:aws:lambda:us-east-1:123456789012:function:{function_name}"
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = "local"
        self._deadline = time.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def load_handler_module(path: Path, name: str) -> ModuleType:
    """Import a Lambda handler file the way the Lambda runtime does (by file, not as a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import handler {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def create_resources(config: LocalConfig, clients: dict[str, Any]) -> dict[str, str]:
    """Create table, queues and bucket from the template's definitions; returns their URLs/ARNs."""
    template = load_template(config.template)
    table = next(iter(resources_of_type(template, "AWS::DynamoDB::Table").values()))["Properties"]
    clients["dynamodb"].create_table(
        TableName=config.table,
        AttributeDefinitions=table["AttributeDefinitions"],
        KeySchema=table["KeySchema"],
        GlobalSecondaryIndexes=[
            {key: index[key] for key in ("IndexName", "KeySchema", "Projection")}
            for index in table.get("GlobalSecondaryIndexes", [])
        ],
        BillingMode=table.get("BillingMode", "PAY_PER_REQUEST"),
    )
    queues = resources_of_type(template, "AWS::SQS::Queue")
    main_queue = next(q["Properties"] for q in queues.values() if "RedrivePolicy" in q.get("Properties", {}))
    sqs = clients["sqs"]
    dlq_url = sqs.create_queue(QueueName=f"{config.queue}-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    max_receive = int(main_queue["RedrivePolicy"].get("maxReceiveCount", 3))
    queue_url = sqs.create_queue(
        QueueName=config.queue,
        Attributes={
            "VisibilityTimeout": str(config.visibility_timeout),
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": max_receive}),
        },
    )["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    bucket = next(iter(resources_of_type(template, "AWS::S3::Bucket").values()))["Properties"]
    s3 = clients["s3"]
    s3.create_bucket(Bucket=config.bucket)
    if bucket.get("VersioningConfiguration", {}).get("Status") == "Enabled":
        s3.put_bucket_versioning(Bucket=config.bucket, VersioningConfiguration={"Status": "Enabled"})
    events = [
        event
        for queue_config in bucket.get("NotificationConfiguration", {}).get("QueueConfigurations", [])
        for event in (
            [queue_config["Event"]] if isinstance(queue_config["Event"], str) else queue_config["Event"]
        )
    ]
    s3.put_bucket_notification_configuration(
        Bucket=config.bucket,
        NotificationConfiguration={"QueueConfigurations": [{"QueueArn": queue_arn, "Events": events}]},
    )
    return {"queue_url": queue_url, "queue_arn": queue_arn, "dlq_url": dlq_url, "dlq_arn": dlq_arn}


def notify_delete_markers() -> None:
    """Make moto send ``ObjectRemoved:DeleteMarkerCreated`` like S3 does for a DELETE on a versioned bucket.

    moto 5.2 notifies only deletes on unversioned buckets and deletes of the last version, so without this
    the local stack never removes the results of deleted objects. Patches moto's S3 backend once.
    """
    from types import SimpleNamespace

    from moto.s3 import models, notifications

    original = models.S3Backend._set_delete_marker
    if getattr(original, "notifies", False):
        return

    def set_delete_marker(self: Any, bucket_name: str, key_name: str) -> Any:
        marker = original(self, bucket_name, key_name)
        notifications.send_event(
            self.account_id,
            notifications.S3NotificationEvent.OBJECT_REMOVED_DELETE_MARKER_CREATED_EVENT,
            self.get_bucket(bucket_name),
            SimpleNamespace(name=key_name, etag="", size=0),
        )
        return marker

    set_delete_marker.notifies = True  # type: ignore[attr-defined]
    models.S3Backend._set_delete_marker = set_delete_marker  # type: ignore[method-assign]


def serialize_dynamodb() -> None:
    """Run moto's DynamoDB requests one at a time, as each request is atomic on AWS.

    moto's DynamoDB is not thread-safe: a transaction deep-copies the table while API reads (which may add
    keys) run in other server threads, failing with "dictionary changed size during iteration".
    """
    from moto.dynamodb.responses import DynamoHandler

    original = DynamoHandler.call_action
    if getattr(original, "serialized", False):
        return
    lock = threading.Lock()

    def call_action(self: Any) -> Any:
        with lock:
            return original(self)

    call_action.serialized = True  # type: ignore[attr-defined]
    DynamoHandler.call_action = call_action  # type: ignore[method-assign]


def sqs_event(messages: list[dict[str, Any]], queue_arn: str) -> dict[str, Any]:
    """The event Lambda's SQS event source mapping passes to a function."""
    return {
        "Records": [
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": message.get("Attributes", {}),
                "messageAttributes": {},
                "md5OfBody": message.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": "us-east-1",
            }
            for message in messages
        ]
    }


class QueueWorker(threading.Thread):
    """Polls the queue like Lambda's event source mapping and calls the extraction handler."""

    def __init__(
        self,
        sqs: Any,
        queue_url: str,
        queue_arn: str,
        handler: Any,
        batch_size: int,
        after_batch: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(name="newsextract-worker", daemon=True)
        self._after_batch = after_batch
        self._sqs = sqs
        self._queue_url = queue_url
        self._queue_arn = queue_arn
        self._handler = handler
        self._batch_size = batch_size
        self.stopping = threading.Event()
        self.batches = 0

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                self.poll_once()
            except Exception:
                log.exception("worker poll failed")
                self.stopping.wait(1)

    def poll_once(self) -> int:
        response = self._sqs.receive_message(
            QueueUrl=self._queue_url,
            MaxNumberOfMessages=self._batch_size,
            WaitTimeSeconds=1,
            AttributeNames=["All"],
        )
        messages = response.get("Messages", [])
        if not messages:
            return 0
        event = sqs_event(messages, self._queue_arn)
        try:
            result = self._handler(event, LambdaContext("ExtractFunction"))
            failed = {item["itemIdentifier"] for item in result.get("batchItemFailures", [])}
        except Exception:
            log.exception("extraction handler raised; the batch will be retried")
            failed = {message["MessageId"] for message in messages}
        done = [m for m in messages if m["MessageId"] not in failed]
        if done:
            self._sqs.delete_message_batch(
                QueueUrl=self._queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(done)],
            )
        if self._after_batch is not None:
            self._after_batch()
        self.batches += 1
        return len(messages)


def api_gateway_event(
    method: str, raw_path: str, headers: dict[str, str], body: str | None
) -> dict[str, Any]:
    """The REST API (v1) proxy event API Gateway sends for a request."""
    parts = urlsplit(raw_path)
    query = parse_qs(parts.query, keep_blank_values=True)
    return {
        "resource": parts.path,
        "path": parts.path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {name: [value] for name, value in headers.items()},
        "queryStringParameters": {name: values[-1] for name, values in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": parts.path,
            "httpMethod": method,
            "path": parts.path,
            "stage": "local",
            "requestId": str(uuid.uuid4()),
            "requestTimeEpoch": int(time.time() * 1000),
            "identity": {"sourceIp": "127.0.0.1", "apiKey": headers.get("x-api-key")},
        },
        "body": body,
        "isBase64Encoded": False,
    }


def make_api_server(config: LocalConfig, handler: Any, public_paths: frozenset[str]) -> ThreadingHTTPServer:
    """An HTTP server that behaves like the deployed API Gateway stage in front of the API handler."""

    class ApiRequestHandler(BaseHTTPRequestHandler):
        server_version = "newsextract-local"

        def log_message(self, format: str, *args: Any) -> None:
            if not config.quiet:
                super().log_message(format, *args)

        def _serve(self) -> None:
            headers = {name.lower(): value for name, value in self.headers.items()}
            path = urlsplit(self.path).path
            public = path in public_paths or self.command == "OPTIONS"
            if not public and headers.get("x-api-key") != config.api_key:
                self._reply(403, {"content-type": "application/json"}, json.dumps({"message": "Forbidden"}))
                return
            length = int(headers.get("content-length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else None
            response = handler(
                api_gateway_event(self.command, self.path, headers, body), LambdaContext("ApiFunction")
            )
            response_headers = {k.lower(): str(v) for k, v in (response.get("headers") or {}).items()}
            for name, values in (response.get("multiValueHeaders") or {}).items():
                response_headers[name.lower()] = ", ".join(str(v) for v in values)
            self._reply(int(response.get("statusCode", 500)), response_headers, response.get("body") or "")

        def _reply(self, status: int, headers: dict[str, str], body: str) -> None:
            payload = body.encode("utf-8")
            self.send_response(status)
            for name, value in headers.items():
                if name != "content-length":
                    self.send_header(name, value)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _serve

    return ThreadingHTTPServer((config.host, config.api_port), ApiRequestHandler)


class LocalStack:
    """Start with ``start()``, stop with ``stop()``; ``newsextract local`` runs it until interrupted."""

    def __init__(self, config: LocalConfig) -> None:
        self.config = config
        self.resources: dict[str, str] = {}
        self._moto: Any = None
        self._worker: QueueWorker | None = None
        self._api: ThreadingHTTPServer | None = None

    def environment(self) -> dict[str, str]:
        return {
            **LOCAL_ENVIRONMENT,
            "AWS_ENDPOINT_URL": self.config.endpoint_url,
            "TABLE_NAME": self.config.table,
            "LOG_LEVEL": "WARNING" if self.config.quiet else "INFO",
            "POWERTOOLS_METRICS_DISABLED": "true" if self.config.quiet else "false",
        }

    def start(self) -> None:
        import boto3
        from moto.server import ThreadedMotoServer

        for name, value in self.environment().items():
            os.environ.setdefault(name, value)
        os.environ["AWS_ENDPOINT_URL"] = self.config.endpoint_url
        os.environ["TABLE_NAME"] = self.config.table
        logging.getLogger("werkzeug").setLevel(logging.INFO if not self.config.quiet else logging.ERROR)
        notify_delete_markers()
        serialize_dynamodb()
        self._moto = ThreadedMotoServer(ip_address=self.config.host, port=self.config.aws_port, verbose=False)
        self._moto.start()
        clients = {name: boto3.client(name) for name in ("s3", "sqs", "dynamodb")}
        self.resources = create_resources(self.config, clients)
        template = load_template(self.config.template)
        batch_size = int(parameter_default(template, "BatchSize") or 5)
        extract = load_handler_module(
            self.config.functions_dir / "extract" / "app.py", "newsextract_extract_app"
        )
        api = load_handler_module(self.config.functions_dir / "api" / "app.py", "newsextract_api_app")
        self._worker = QueueWorker(
            clients["sqs"],
            self.resources["queue_url"],
            self.resources["queue_arn"],
            extract.lambda_handler,
            batch_size,
            # Powertools keeps disabled metrics (quiet mode) forever instead of dropping them on flush.
            after_batch=extract.metrics.clear_metrics,
        )
        self._worker.start()
        self._api = make_api_server(self.config, api.lambda_handler, public_paths=PUBLIC_PATHS)
        threading.Thread(target=self._api.serve_forever, name="newsextract-api", daemon=True).start()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stopping.set()
            self._worker.join(timeout=10)
        if self._api is not None:
            self._api.shutdown()
            self._api.server_close()
        if self._moto is not None:
            self._moto.stop()
