"""Checks of template.yaml: security settings, the contract with the code, lint and built sizes.

The tool-driven tests need `.venv-sam` (`make sam-setup`) and the size tests `.aws-sam/build`
(`make sam-build`); `make test` creates both, elsewhere those tests skip with the reason.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.template

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
SAM_VENV = ROOT / ".venv-sam"
BUILD_DIR = ROOT / ".aws-sam" / "build"
SAM_ENV = {**os.environ, "SAM_CLI_TELEMETRY": "0", "AWS_DEFAULT_REGION": "us-east-1"}

API_ROUTES = {
    "/articles",
    "/articles/{id}",
    "/articles/{id}/entities",
    "/articles/{id}/statements",
    "/entities/{name}/articles",
    "/speakers/{name}/statements",
}
PUBLIC_ROUTES = {"/", "/openapi.json"}
GSIS = {
    "by-published": ("gsi1pk", "gsi1sk"),
    "by-entity": ("gsi2pk", "gsi2sk"),
    "by-speaker": ("gsi3pk", "gsi3sk"),
}


def _load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


layer_sizes = _load_script("layer_sizes")


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return layer_sizes.load_template(TEMPLATE)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def resources(template: dict[str, Any]) -> dict[str, Any]:
    return template["Resources"]  # type: ignore[no-any-return]


def _props(resources: dict[str, Any], name: str) -> dict[str, Any]:
    return resources[name]["Properties"]  # type: ignore[no-any-return]


def _of_type(resources: dict[str, Any], type_: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in resources.items() if r["Type"] == type_}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _sam_tool(name: str) -> Path:
    tool = SAM_VENV / "bin" / name
    if not tool.exists():
        pytest.skip(f"{tool} missing: run `make sam-setup` (make test does)")
    return tool


# ------------------------------------------------------------------ functions and events


def test_functions_run_python311_with_tracing(template: dict[str, Any], resources: dict[str, Any]) -> None:
    globals_ = template["Globals"]["Function"]
    assert globals_["Runtime"] == "python3.11"
    assert globals_["Tracing"] == "Active"
    for name, fn in _of_type(resources, "AWS::Serverless::Function").items():
        assert fn["Properties"].get("Runtime", "python3.11") == "python3.11", name


def test_extract_function_consumes_the_queue_with_partial_batch_failures(
    template: dict[str, Any], resources: dict[str, Any]
) -> None:
    extract = _props(resources, "ExtractFunction")
    events = [e for e in extract["Events"].values() if e["Type"] == "SQS"]
    assert len(events) == 1
    sqs = events[0]["Properties"]
    assert sqs["Queue"] == {"Fn::GetAtt": ["ArticlesQueue", "Arn"]}
    assert sqs["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert sqs["BatchSize"] == {"Ref": "BatchSize"}
    batch = template["Parameters"]["BatchSize"]
    assert 1 <= batch["Default"] <= batch["MaxValue"] <= 10
    assert extract["Layers"] == [{"Ref": "DepsLayer"}, {"Ref": "ModelLayer"}, {"Ref": "SharedLayer"}]
    assert extract["Handler"] == "app.lambda_handler"
    assert extract["CodeUri"] == "functions/extract/"


def test_extract_environment_points_at_the_model_layer(resources: dict[str, Any]) -> None:
    env = _props(resources, "ExtractFunction")["Environment"]["Variables"]
    assert env["NEWSEXTRACT_MODEL"] == "/opt/model/en_newsextract"
    assert env["NEWSEXTRACT_ATTRIBUTION_MODEL"] == "/opt/model/attribution"
    assert env["MAX_OBJECT_BYTES"] == {"Ref": "MaxObjectBytes"}
    assert env["NUMPY_MADVISE_HUGEPAGE"] == "0"


def test_common_environment(template: dict[str, Any]) -> None:
    env = template["Globals"]["Function"]["Environment"]["Variables"]
    assert env["TABLE_NAME"] == {"Ref": "ResultsTable"}
    assert env["POWERTOOLS_SERVICE_NAME"] == "newsextract"
    assert env["POWERTOOLS_METRICS_NAMESPACE"] == "NewsExtract"
    assert "LOG_LEVEL" in env


def test_queue_visibility_covers_six_extract_timeouts(
    template: dict[str, Any], resources: dict[str, Any]
) -> None:
    timeout = template["Parameters"]["ExtractTimeout"]
    visibility = _props(resources, "ArticlesQueue")["VisibilityTimeout"]
    assert visibility >= 6 * timeout["MaxValue"] >= 6 * timeout["Default"]
    assert _props(resources, "ExtractFunction")["Timeout"] == {"Ref": "ExtractTimeout"}


def test_failed_messages_go_to_the_dead_letter_queue_after_three_receives(resources: dict[str, Any]) -> None:
    redrive = _props(resources, "ArticlesQueue")["RedrivePolicy"]
    assert redrive == {
        "deadLetterTargetArn": {"Fn::GetAtt": ["ArticlesDeadLetterQueue", "Arn"]},
        "maxReceiveCount": 3,
    }
    assert _props(resources, "ArticlesDeadLetterQueue")["MessageRetentionPeriod"] == 14 * 24 * 3600
    alarm = _props(resources, "DeadLetterAlarm")
    assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible"
    assert alarm["Dimensions"][0]["Value"] == {"Fn::GetAtt": ["ArticlesDeadLetterQueue", "QueueName"]}
    assert (alarm["ComparisonOperator"], alarm["Threshold"]) == ("GreaterThanThreshold", 0)


def test_bucket_notifies_the_queue_of_creates_and_deletes(resources: dict[str, Any]) -> None:
    bucket = resources["ArticlesBucket"]
    configs = bucket["Properties"]["NotificationConfiguration"]["QueueConfigurations"]
    assert {c["Event"] for c in configs} == {"s3:ObjectCreated:*", "s3:ObjectRemoved:*"}
    assert all(c["Queue"] == {"Fn::GetAtt": ["ArticlesQueue", "Arn"]} for c in configs)
    # S3 checks that it may send to the queue when the notification is created.
    assert "ArticlesQueuePolicy" in _as_list(bucket["DependsOn"])
    allow = _props(resources, "ArticlesQueuePolicy")["PolicyDocument"]["Statement"][0]
    assert allow["Effect"] == "Allow" and allow["Principal"] == {"Service": "s3.amazonaws.com"}
    assert allow["Action"] == "sqs:SendMessage"
    assert set(allow["Condition"]) == {"ArnEquals", "StringEquals"}
    # Both name the bucket by the same string: a Ref to the bucket would be a dependency cycle.
    assert allow["Condition"]["ArnEquals"]["aws:SourceArn"]["Fn::Sub"].endswith(
        ":s3:::" + bucket["Properties"]["BucketName"]["Fn::Sub"]
    )
    assert allow["Condition"]["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}


# ------------------------------------------------------------------ data protection


def test_everything_is_encrypted_at_rest(resources: dict[str, Any]) -> None:
    sse = _props(resources, "ArticlesBucket")["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert sse[0]["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in {"AES256", "aws:kms"}
    for queue in ("ArticlesQueue", "ArticlesDeadLetterQueue"):
        props = _props(resources, queue)
        assert props.get("SqsManagedSseEnabled") is True or "KmsMasterKeyId" in props, queue
    assert _props(resources, "ResultsTable")["SSESpecification"]["SSEEnabled"] is True


def test_bucket_is_private_and_versioned(resources: dict[str, Any]) -> None:
    bucket = _props(resources, "ArticlesBucket")
    assert bucket["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}


def _denies_insecure_transport(statements: list[dict[str, Any]]) -> bool:
    return any(
        s["Effect"] == "Deny"
        and s["Principal"] == "*"
        and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
        and _as_list(s["Action"])[0].endswith(":*")
        for s in statements
    )


@pytest.mark.parametrize(
    ("policy", "target_key", "target"),
    [
        ("ArticlesBucketPolicy", "Bucket", {"Ref": "ArticlesBucket"}),
        ("ArticlesQueuePolicy", "Queues", [{"Ref": "ArticlesQueue"}]),
        ("DeadLetterQueuePolicy", "Queues", [{"Ref": "ArticlesDeadLetterQueue"}]),
    ],
)
def test_plain_http_is_denied(resources: dict[str, Any], policy: str, target_key: str, target: Any) -> None:
    props = _props(resources, policy)
    assert props[target_key] == target
    assert _denies_insecure_transport(props["PolicyDocument"]["Statement"])


def test_results_table_keys_indexes_and_recovery(resources: dict[str, Any]) -> None:
    table = _props(resources, "ResultsTable")
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    indexes = {
        gsi["IndexName"]: (
            tuple(k["AttributeName"] for k in gsi["KeySchema"]),
            tuple(k["KeyType"] for k in gsi["KeySchema"]),
            gsi["Projection"]["ProjectionType"],
        )
        for gsi in table["GlobalSecondaryIndexes"]
    }
    assert indexes == {name: (keys, ("HASH", "RANGE"), "ALL") for name, keys in GSIS.items()}
    types = {a["AttributeName"]: a["AttributeType"] for a in table["AttributeDefinitions"]}
    assert types == dict.fromkeys(["pk", "sk", *(k for keys in GSIS.values() for k in keys)], "S")


# ------------------------------------------------------------------ API


def test_api_requires_a_key_and_throttles(resources: dict[str, Any]) -> None:
    api = _props(resources, "RestApi")
    assert api["StageName"] == {"Ref": "Stage"}
    assert api["TracingEnabled"] is True
    assert api["Auth"]["ApiKeyRequired"] is True
    plan = api["Auth"]["UsagePlan"]
    assert plan["CreateUsagePlan"] == "PER_API"
    assert set(plan["Throttle"]) == {"BurstLimit", "RateLimit"}
    assert set(plan["Quota"]) >= {"Limit", "Period"}


def test_api_routes_and_which_need_the_key(resources: dict[str, Any]) -> None:
    api = _props(resources, "ApiFunction")
    assert api["Layers"] == [{"Ref": "SharedLayer"}]
    routes: dict[tuple[str, str], bool] = {}
    for event in api["Events"].values():
        assert event["Type"] == "Api"
        props = event["Properties"]
        assert props["RestApiId"] == {"Ref": "RestApi"}
        key_required = props.get("Auth", {}).get("ApiKeyRequired", True)
        routes[(props["Path"], props["Method"].upper())] = key_required
    assert {path for path, method in routes if method == "GET"} == API_ROUTES | PUBLIC_ROUTES
    for (path, method), key_required in routes.items():
        # Data needs the key; the page, the API description and CORS preflights cannot send one.
        assert key_required == (method == "GET" and path in API_ROUTES), (path, method)
    assert {path for path, method in routes if method == "OPTIONS"} == API_ROUTES
    env = api["Environment"]["Variables"]
    assert env["CORS_ALLOW_ORIGIN"] == {"Ref": "CorsAllowOrigin"}
    assert env["API_CURSOR_SECRET"] == {"Ref": "ApiCursorSecret"}


def test_secret_parameters_are_not_echoed(template: dict[str, Any]) -> None:
    assert template["Parameters"]["ApiCursorSecret"]["NoEcho"] is True


def test_outputs(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert {"ApiUrl", "ArticlesBucketName", "ResultsTableName", "DeadLetterQueueUrl", "ApiKeyId"} <= set(
        outputs
    )
    assert outputs["ApiKeyId"]["Value"] == {"Ref": "RestApiApiKey"}  # generated by SAM for RestApi
    assert "get-api-key" in outputs["ApiKeyId"]["Description"]


# ------------------------------------------------------------------ IAM


def _inline_statements(resources: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, fn in _of_type(resources, "AWS::Serverless::Function").items():
        for policy in _as_list(fn["Properties"].get("Policies", [])):
            if isinstance(policy, dict) and "Statement" in policy:
                for statement in policy["Statement"]:
                    yield name, statement
    for name, role in _of_type(resources, "AWS::IAM::Role").items():
        for policy in role["Properties"].get("Policies", []):
            for statement in policy["PolicyDocument"]["Statement"]:
                yield name, statement


def _wildcard_problems(statement: dict[str, Any]) -> list[str]:
    problems = [f"action {a}" for a in _as_list(statement["Action"]) if "*" in a]
    for resource in _as_list(statement["Resource"]):
        text = resource["Fn::Sub"] if isinstance(resource, dict) and "Fn::Sub" in resource else resource
        if not isinstance(text, str):
            continue  # Ref / GetAtt of one resource
        # The only wildcard allowed: the objects of one named bucket.
        if "*" in text and not (
            text.startswith("arn:${AWS::Partition}:s3:::") and text.count("*") == 1 and text.endswith("/*")
        ):
            problems.append(f"resource {text}")
    return problems


def test_inline_policies_name_actions_and_resources(resources: dict[str, Any]) -> None:
    statements = list(_inline_statements(resources))
    assert {name for name, _ in statements} == {"ExtractFunction", "ApiFunction"}
    problems = [(name, p) for name, s in statements for p in _wildcard_problems(s)]
    assert problems == []
    assert all(s["Effect"] == "Allow" for _, s in statements)


def test_wildcard_check_catches_broad_statements() -> None:
    objects = "arn:${AWS::Partition}:s3:::b/*"
    assert _wildcard_problems({"Action": "s3:GetObject", "Resource": objects}) == []
    assert _wildcard_problems({"Action": "s3:*", "Resource": objects}) == ["action s3:*"]
    any_bucket = "arn:${AWS::Partition}:s3:::*"
    assert _wildcard_problems({"Action": "s3:ListBucket", "Resource": any_bucket}) == [
        f"resource {any_bucket}"
    ]
    assert _wildcard_problems({"Action": ["dynamodb:Query"], "Resource": "*"}) == ["resource *"]
    index_wildcard = {"Action": "dynamodb:Query", "Resource": {"Fn::Sub": "${ResultsTable.Arn}/index/*"}}
    assert _wildcard_problems(index_wildcard) == ["resource ${ResultsTable.Arn}/index/*"]


def _actions(resources: dict[str, Any], function: str) -> set[str]:
    return {
        action
        for name, s in _inline_statements(resources)
        if name == function
        for action in _as_list(s["Action"])
    }


def test_api_function_only_reads(resources: dict[str, Any]) -> None:
    assert _actions(resources, "ApiFunction") == {
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
    }
    policies = _props(resources, "ApiFunction")["Policies"]
    assert all(isinstance(p, dict) and "Statement" in p for p in policies), "no managed/SAM policies"


def test_extract_function_reads_articles_and_writes_results(resources: dict[str, Any]) -> None:
    actions = _actions(resources, "ExtractFunction")
    assert {"s3:GetObject", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query"} <= actions
    assert not {a for a in actions if a.startswith("s3:") and not a.startswith(("s3:Get", "s3:List"))}
    assert "dynamodb:Scan" not in actions


# ------------------------------------------------------------------ tools


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=ROOT,
        env=SAM_ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_cfn_lint_passes() -> None:
    result = _run(_sam_tool("cfn-lint"), TEMPLATE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_sam_validate_lint_passes() -> None:
    result = _run(_sam_tool("sam"), "validate", "--lint", "--template-file", TEMPLATE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_transformed_template_lints_clean(tmp_path: Path) -> None:
    out = tmp_path / "transformed.json"
    result = _run(_sam_tool("python"), ROOT / "scripts" / "check_template.py", TEMPLATE, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    generated = layer_sizes.load_template(out)["Resources"]
    assert {"RestApiApiKey", "RestApiUsagePlan", "ExtractFunctionArticles"} <= set(generated)
    mapping = generated["ExtractFunctionArticles"]["Properties"]
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def test_transformed_lint_catches_what_cfn_lint_misses(template: dict[str, Any], tmp_path: Path) -> None:
    broken = copy.deepcopy(template)
    events = broken["Resources"]["ExtractFunction"]["Properties"]["Events"]
    events["Articles"]["Properties"]["FunctionResponseTypes"] = ["ReportBatchItemFailure"]
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(broken))
    result = _run(
        _sam_tool("python"), ROOT / "scripts" / "check_template.py", path, "--out", tmp_path / "t.json"
    )
    assert result.returncode != 0
    assert "ReportBatchItemFailure" in result.stdout + result.stderr


# ------------------------------------------------------------------ sam build output


@pytest.fixture(scope="module")
def built() -> list[Any]:
    if not (BUILD_DIR / "template.yaml").exists():
        pytest.skip(f"{BUILD_DIR} missing: run `make sam-build` (make test does)")
    return layer_sizes.measure(BUILD_DIR)  # type: ignore[no-any-return]


def test_each_function_with_its_layers_fits_lambda(built: list[Any]) -> None:
    assert {fn.name for fn in built} == {"ExtractFunction", "ApiFunction"}
    for fn in built:
        assert fn.total_mb <= layer_sizes.LAMBDA_LIMIT_MB, (fn.name, round(fn.total_mb, 1))


def test_deps_layer_is_trimmed_and_precompiled(built: list[Any]) -> None:
    extract = next(fn for fn in built if fn.name == "ExtractFunction")
    deps = next(layer.path for layer in extract.layers if layer.name == "DepsLayer") / "python"
    assert (deps / "spacy" / "__init__.py").exists()
    assert list((deps / "spacy" / "__pycache__").glob("__init__.cpython-311.pyc"))
    assert not (deps / "boto3").exists() and not (deps / "botocore").exists()
    assert not list(deps.glob("*/tests")) and not list(deps.rglob("*.pyx"))
    numpy_libs = list((deps / "numpy.libs").glob("*.so*"))
    assert numpy_libs, "numpy.libs missing"


def test_model_layer_holds_both_pipelines(built: list[Any]) -> None:
    extract = next(fn for fn in built if fn.name == "ExtractFunction")
    model = next(layer.path for layer in extract.layers if layer.name == "ModelLayer")
    for pipeline in ("en_newsextract", "attribution"):
        assert (model / "model" / pipeline / "config.cfg").exists(), pipeline
        assert (model / "model" / pipeline / "meta.json").exists(), pipeline


def test_shared_objects_run_on_amazon_linux_2(built: list[Any]) -> None:
    if shutil.which("objdump") is None:
        pytest.skip("objdump (binutils) not installed")
    roots = [fn.code.path for fn in built] + [layer.path for fn in built for layer in fn.layers]
    needs = layer_sizes.glibc_requirements(roots)
    assert needs, "no shared objects found"
    assert {str(so): minor for so, minor in needs.items() if minor > 26} == {}


def _run_like_lambda(built: list[Any], function: str, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with python3.11 and sys.path laid out as Lambda does for ``function``.

    The runtime's boto3 is stood in for by the API package, which ships boto3 (last on the path).
    """
    python = shutil.which("python3.11")
    if python is None:
        pytest.skip("python3.11 not on PATH")
    fn = next(f for f in built if f.name == function)
    api = next(f for f in built if f.name == "ApiFunction")
    paths = [fn.code.path] + [layer.path / "python" for layer in fn.layers] + [api.code.path]
    env = {
        "PATH": os.environ["PATH"],
        "AWS_DEFAULT_REGION": "us-east-1",
        "TABLE_NAME": "results",
        "POWERTOOLS_TRACE_DISABLED": "1",
        "OMP_NUM_THREADS": "1",
    }
    prelude = f"import sys; sys.path[:0] = {[str(p) for p in paths]!r}\n"
    return subprocess.run(
        [python, "-I", "-S", "-c", prelude + code],
        cwd=fn.code.path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_api_package_imports_without_spacy(built: list[Any]) -> None:
    code = (
        "import app, sys; print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'numpy'}))"
    )
    result = _run_like_lambda(built, "ApiFunction", code)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "[]"


def test_extract_layers_load_the_pipelines(built: list[Any]) -> None:
    extract = next(f for f in built if f.name == "ExtractFunction")
    model = next(layer.path for layer in extract.layers if layer.name == "ModelLayer") / "model"
    code = (
        "import os, spacy, app\n"
        f"os.environ['NEWSEXTRACT_MODEL'] = {str(model / 'en_newsextract')!r}\n"
        f"os.environ['NEWSEXTRACT_ATTRIBUTION_MODEL'] = {str(model / 'attribution')!r}\n"
        "from newsextract.nlp.pipeline import load_pipeline\n"
        "doc = load_pipeline()('General Mark Milley met his Ukrainian counterpart in Poland on Tuesday.')\n"
        "assert len(doc) > 5\n"
        "print(spacy.__file__)\n"
    )
    result = _run_like_lambda(built, "ExtractFunction", code)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "/DepsLayer/python/spacy/" in result.stdout


def test_functions_ship_bytecode(built: list[Any]) -> None:
    api = next(f for f in built if f.name == "ApiFunction").code.path
    assert list((api / "pydantic" / "__pycache__").glob("*.cpython-311.pyc")), "run make sam-build"
    assert list((api / "__pycache__").glob("app.cpython-311.pyc"))


# ------------------------------------------------------------------ layer_sizes itself


def _fake_build(root: Path, layer_bytes: int) -> Path:
    (root / "Fn").mkdir(parents=True)
    (root / "Fn" / "app.py").write_bytes(b"x" * 1000)
    (root / "Big" / "python").mkdir(parents=True)
    (root / "Big" / "python" / "blob.bin").write_bytes(b"\0" * layer_bytes)
    (root / "template.yaml").write_text(
        "Resources:\n"
        "  Big:\n    Type: AWS::Serverless::LayerVersion\n    Properties: {ContentUri: Big}\n"
        "  Fn:\n    Type: AWS::Serverless::Function\n"
        "    Properties:\n      CodeUri: Fn\n      Layers: [!Ref Big]\n"
    )
    return root


def test_layer_sizes_counts_code_and_layers(tmp_path: Path) -> None:
    (fn,) = layer_sizes.measure(_fake_build(tmp_path, 3 * 1024 * 1024))
    assert fn.code.bytes == 1000
    assert fn.total_bytes == 1000 + 3 * 1024 * 1024


def test_layer_sizes_fails_over_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build = _fake_build(tmp_path, 3 * 1024 * 1024)
    assert layer_sizes.main([str(build), "--limit-mb", "2", "--max-glibc", "none"]) == 1
    assert "OVER LIMIT" in capsys.readouterr().out
    assert layer_sizes.main([str(build), "--limit-mb", "4", "--max-glibc", "none"]) == 0


def test_layer_sizes_fails_when_a_layer_was_not_built(tmp_path: Path) -> None:
    build = _fake_build(tmp_path, 10)
    shutil.rmtree(build / "Big")
    assert layer_sizes.main([str(build), "--max-glibc", "none"]) == 1
