"""Transform template.yaml with samtranslator (offline) and lint the resulting CloudFormation.

cfn-lint checks SAM resources without running the SAM transform and misses errors that only show up
in the generated resources (FACTS.md). This script runs the transform locally with the bundled
managed-policy map (no AWS calls), after replacing local CodeUri/ContentUri paths by ``s3://`` URIs,
writes the result as JSON and runs cfn-lint on it. Run it with the SAM virtualenv's Python.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Warnings caused by how SAM writes its output, not by template.yaml: Fn::Sub around names it has
# already resolved (W1020), parameters it inlined (W2001), DependsOn next to a Ref (W3005).
TRANSFORM_ARTIFACT_CHECKS = ("W1020", "W2001", "W3005")
LOCAL_ARTIFACT_PROPERTIES = {
    "AWS::Serverless::Function": "CodeUri",
    "AWS::Serverless::LayerVersion": "ContentUri",
}


class OfflinePolicyLoader:
    """Managed-policy loader that never calls IAM: unknown policy names are an error."""

    def load(self) -> dict[str, str]:
        raise RuntimeError("policy name not in SAM's bundled managed-policy map; use an ARN")


def with_s3_artifacts(template: dict[str, Any]) -> dict[str, Any]:
    """Replace local code/content paths with placeholder s3:// URIs, as `sam package` would."""
    for name, resource in template.get("Resources", {}).items():
        prop = LOCAL_ARTIFACT_PROPERTIES.get(resource.get("Type", ""))
        props = resource.get("Properties", {})
        if prop and isinstance(props.get(prop), str) and not props[prop].startswith("s3://"):
            props[prop] = f"s3://newsextract-artifacts/{name}.zip"
    return template


def transform_template(path: Path, region: str) -> dict[str, Any]:
    """Return the CloudFormation template that the SAM transform makes of ``path``."""
    os.environ.setdefault("AWS_DEFAULT_REGION", region)
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse

    template = with_s3_artifacts(yaml_parse(path.read_text()))
    transformed: dict[str, Any] = transform(template, {}, OfflinePolicyLoader())
    return transformed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("template", nargs="?", type=Path, default=ROOT / "template.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "template.transformed.json")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--no-lint", action="store_true", help="only transform")
    args = parser.parse_args(argv)

    try:
        transformed = transform_template(args.template, args.region)
    except Exception as exc:  # samtranslator raises several unrelated exception types
        print(f"SAM transform failed: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(transformed, indent=1, sort_keys=True))
    print(f"transformed: {len(transformed['Resources'])} resources -> {args.out}")
    if args.no_lint:
        return 0
    cfn_lint = Path(sys.executable).with_name("cfn-lint")
    result = subprocess.run(
        [
            str(cfn_lint),
            "--regions",
            args.region,
            "--ignore-checks",
            *TRANSFORM_ARTIFACT_CHECKS,
            "--",
            str(args.out),
        ],
        check=False,
    )
    if result.returncode == 0:
        print("cfn-lint on the transformed template: OK")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
