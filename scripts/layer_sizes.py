"""Report the unzipped size of each function built by `sam build`, with all of its layers.

Lambda rejects a function whose code plus layers exceed 250 MB unzipped (262,144,000 bytes; sizes
here are in MiB so "250" means that limit). The script also checks that no shared object needs a
newer glibc than the python3.11 runtime (Amazon Linux 2: glibc 2.26) provides.

    python scripts/layer_sizes.py [.aws-sam/build] [--limit-mb 250] [--max-glibc 2.26]

Exit status 1 when a function is over the limit, a layer is missing, or a .so needs a newer glibc.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LAMBDA_LIMIT_MB = 250.0
AL2_GLIBC = "2.26"
MIB = 1024 * 1024
_GLIBC_VERSION = re.compile(rb"GLIBC_2\.(\d+)")
_SHARED_OBJECT = re.compile(r"\.so(\.\d+)*$")


@dataclass(frozen=True)
class Artifact:
    """One built directory: a function's code or a layer's content."""

    name: str
    path: Path
    bytes: int

    @property
    def mb(self) -> float:
        return self.bytes / MIB


@dataclass(frozen=True)
class FunctionSize:
    """A function's code and the layers it references, as Lambda would unpack them."""

    name: str
    code: Artifact
    layers: tuple[Artifact, ...]

    @property
    def total_bytes(self) -> int:
        return self.code.bytes + sum(layer.bytes for layer in self.layers)

    @property
    def total_mb(self) -> float:
        return self.total_bytes / MIB


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that reads CloudFormation short-form tags (!Ref, !Sub, ...) as plain data."""


def _construct_tag(loader: _CfnLoader, tag_suffix: str, node: yaml.Node) -> Any:
    key = tag_suffix if tag_suffix in ("Ref", "Condition") else f"Fn::{tag_suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        raise yaml.constructor.ConstructorError(
            None, None, f"unexpected node for !{tag_suffix}", node.start_mark
        )
    return {key: value}


_CfnLoader.add_multi_constructor("!", _construct_tag)


def load_template(path: Path) -> dict[str, Any]:
    """Parse a CloudFormation/SAM YAML template, keeping intrinsic functions as dicts."""
    data = yaml.load(path.read_text(), Loader=_CfnLoader)
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a template")
    return data


def tree_bytes(path: Path) -> int:
    """Sum of the sizes of the regular files under ``path`` (symlinks are not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def measure(build_dir: Path) -> list[FunctionSize]:
    """Sizes of every AWS::Serverless::Function in ``build_dir``/template.yaml."""
    resources = load_template(build_dir / "template.yaml")["Resources"]
    layer_cache: dict[str, Artifact] = {}

    def layer(ref: Any) -> Artifact:
        if not (isinstance(ref, dict) and "Ref" in ref):
            raise ValueError(f"layer {ref!r} is not a layer of this template; cannot measure it")
        name = ref["Ref"]
        if name not in layer_cache:
            content = build_dir / resources[name]["Properties"]["ContentUri"]
            if not content.is_dir():
                raise FileNotFoundError(f"layer {name} was not built: {content} is missing")
            layer_cache[name] = Artifact(name, content, tree_bytes(content))
        return layer_cache[name]

    sizes = []
    for name, resource in resources.items():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        props = resource["Properties"]
        code_dir = build_dir / props["CodeUri"]
        if not code_dir.is_dir():
            raise FileNotFoundError(f"function {name} was not built: {code_dir} is missing")
        code = Artifact(name, code_dir, tree_bytes(code_dir))
        sizes.append(FunctionSize(name, code, tuple(layer(ref) for ref in props.get("Layers", []))))
    return sizes


def glibc_requirements(paths: list[Path]) -> dict[Path, int]:
    """Highest GLIBC_2.x minor version each shared object under ``paths`` needs (via objdump -T)."""
    objdump = shutil.which("objdump")
    if objdump is None:
        raise FileNotFoundError("objdump (binutils) is needed for the glibc check")
    needs: dict[Path, int] = {}
    for root in paths:
        for so in root.rglob("*.so*"):
            if not _SHARED_OBJECT.search(so.name) or not so.is_file() or so.is_symlink():
                continue
            out = subprocess.run([objdump, "-T", str(so)], capture_output=True, check=False).stdout
            minors = [int(m) for m in _GLIBC_VERSION.findall(out)]
            if minors:
                needs[so] = max(minors)
    return needs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", nargs="?", type=Path, default=Path(".aws-sam/build"))
    parser.add_argument("--limit-mb", type=float, default=LAMBDA_LIMIT_MB)
    parser.add_argument("--max-glibc", default=AL2_GLIBC, help="'none' skips the check")
    args = parser.parse_args(argv)

    try:
        sizes = measure(args.build_dir)
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    ok = True
    layers = {layer.name: layer for fn in sizes for layer in fn.layers}
    for layer in sorted(layers.values(), key=lambda a: a.name):
        print(f"layer    {layer.name:<24} {layer.mb:8.1f} MB")
    for fn in sizes:
        over = fn.total_mb > args.limit_mb
        ok &= not over
        parts = " + ".join([f"code {fn.code.mb:.1f}"] + [f"{la.name} {la.mb:.1f}" for la in fn.layers])
        verdict = "OVER LIMIT" if over else "ok"
        print(f"function {fn.name:<24} {fn.total_mb:8.1f} MB  ({parts}) / {args.limit_mb:.0f} MB {verdict}")

    if args.max_glibc != "none":
        limit = int(args.max_glibc.split(".")[1])
        roots = [fn.code.path for fn in sizes] + [la.path for la in layers.values()]
        try:
            needs = glibc_requirements(roots)
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        too_new = {so: minor for so, minor in needs.items() if minor > limit}
        for so, minor in sorted(too_new.items()):
            print(f"needs GLIBC_2.{minor} > {args.max_glibc}: {so}")
        highest = max(needs.values(), default=0)
        print(f"glibc: {len(needs)} shared objects, highest need GLIBC_2.{highest} (limit {args.max_glibc})")
        ok &= not too_new
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
