"""Extraction Lambda: SQS batch of S3 notifications -> ExtractionService. Wiring only."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from newsextract.bootstrap import build_extraction_service
from newsextract.service import BatchReport, QueueMessage

logger = Logger()
tracer = Tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS)

_METRIC_NAMES = {
    "extracted": "ArticlesExtracted",
    "unchanged": "ArticlesUnchanged",
    "failed": "ArticlesFailed",
    "deleted": "ArticlesDeleted",
    "stale": "StaleEventsSkipped",
    "ignored": "EventsIgnored",
}


def _record(report: BatchReport) -> None:
    for outcome in report.outcomes:
        log = logger.warning if outcome.action == "failed" else logger.info
        log(
            f"article {outcome.action}",
            extra={"action": outcome.action, "key": outcome.key, "article_id": outcome.article_id,
                   "reason": outcome.reason, "message_id": outcome.message_id},
        )  # fmt: skip
        metrics.add_metric(name=_METRIC_NAMES[outcome.action], unit=MetricUnit.Count, value=1)
    for message_id, error in report.failures.items():
        logger.error(
            "message failed; SQS will retry it",
            extra={"message_id": message_id, "error": f"{type(error).__name__}: {error}"},
        )
        metrics.add_metric(name="MessagesFailed", unit=MetricUnit.Count, value=1)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    records = event.get("Records") or []
    if not records:
        return {"batchItemFailures": []}
    report = build_extraction_service().process(
        [QueueMessage(message_id=record["messageId"], body=record["body"]) for record in records]
    )
    _record(report)

    def record_handler(record: SQSRecord) -> None:
        error = report.failures.get(record.message_id)
        if error is not None:
            raise error

    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
