"""The results table exactly as template.yaml defines it (keys pk/sk, three GSIs with projection ALL)."""

from __future__ import annotations

from typing import Any

GSIS = (
    ("by-published", "gsi1pk", "gsi1sk"),
    ("by-entity", "gsi2pk", "gsi2sk"),
    ("by-speaker", "gsi3pk", "gsi3sk"),
)


def create_results_table(client: Any, name: str) -> None:
    """Create the results table with ``client`` (a boto3 DynamoDB client) and wait until it exists."""
    attributes = ["pk", "sk"] + [attr for _, pk, sk in GSIS for attr in (pk, sk)]
    client.create_table(
        TableName=name,
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in attributes],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[
            {
                "IndexName": index,
                "KeySchema": [
                    {"AttributeName": pk, "KeyType": "HASH"},
                    {"AttributeName": sk, "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
            for index, pk, sk in GSIS
        ],
    )
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.1, "MaxAttempts": 50})
