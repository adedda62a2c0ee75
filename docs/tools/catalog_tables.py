#!/usr/bin/env python3
"""Regenerate the option and header tables of the component pages from the components' JSON catalogs.

Each catalog (sora.json, veo.json, kling.json) is produced by camel-component-maven-plugin from the Javadoc and
annotations of the component's configuration, component, endpoint and constants classes:

    sora: camel-sora-component/.../sora.json  ->  docs/sora-component.md
    veo:  camel-veo-component/.../veo.json    ->  docs/veo-component.md
    kling: camel-kling-component/.../kling.json ->  docs/kling-component.md

This script rewrites only the text between these marker pairs of each page, leaving the rest alone:

    <!-- component options: START -->  ...  <!-- component options: END -->
    <!-- endpoint options: START -->   ...  <!-- endpoint options: END -->
    <!-- headers: START -->            ...  <!-- headers: END -->

Usage (from anywhere; paths default to this repository):

    python3 docs/tools/catalog_tables.py                     # rewrite every page in place
    python3 docs/tools/catalog_tables.py --component veo     # only the veo page
    python3 docs/tools/catalog_tables.py --check             # exit 1 if a page is out of date
    python3 docs/tools/catalog_tables.py --component sora --catalog X.json --page X.md

Standard library only.
"""

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
COMPONENTS = {
    "sora": (REPO / "camel-sora-component/src/generated/resources/META-INF/io/github/camelvideo/sora/sora.json",
             REPO / "docs/sora-component.md"),
    "veo": (REPO / "camel-veo-component/src/generated/resources/META-INF/io/github/camelvideo/veo/veo.json",
            REPO / "docs/veo-component.md"),
    "kling": (REPO / "camel-kling-component/src/generated/resources/META-INF/io/github/camelvideo/kling/kling.json",
              REPO / "docs/kling-component.md"),
}


def cell(text):
    """Makes text safe for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def human_millis(value):
    """Shows a duration default given in milliseconds in a readable unit as well."""
    try:
        ms = int(value)
    except (TypeError, ValueError):
        return None
    if ms % 60000 == 0 and ms >= 60000:
        return f"{ms // 60000} min"
    if ms % 1000 == 0 and ms >= 1000:
        return f"{ms // 1000} s"
    return f"{ms} ms"


def default_of(option):
    if "defaultValue" not in option:
        return ""
    value = option["defaultValue"]
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = f"`{value}`"
    if option.get("type") == "duration":
        readable = human_millis(value)
        if readable:
            text += f" ({readable})"
    return text


def type_of(option):
    kind = option.get("type", "")
    if kind == "object":
        text = f"`{option.get('javaType', 'object')}`"
    elif kind == "enum":
        values = ", ".join(f"`{v}`" for v in option.get("enum", []))
        text = f"enum: {values}" if values else "enum"
    elif kind == "duration":
        text = "duration (ms, or text such as `30s`, `20m`)"
    else:
        text = kind
    return text


def name_of(option_name, option):
    text = f"`{option_name}`"
    notes = []
    if option.get("kind") == "path":
        notes.append("path")
    if option.get("required"):
        notes.append("required")
    if option.get("secret"):
        notes.append("secret")
    if option.get("autowired"):
        notes.append("autowired")
    group = option.get("group", "")
    if "advanced" in group:
        notes.append("advanced")
    elif group and group != "producer":
        notes.append(group)
    if notes:
        text += " (" + ", ".join(notes) + ")"
    return text


def options_table(options):
    lines = ["| Name | Description | Default | Type |", "|---|---|---|---|"]
    for option_name, option in sorted(options.items(), key=lambda kv: kv[1].get("index", 0)):
        lines.append("| {} | {} | {} | {} |".format(
            name_of(option_name, option), cell(option.get("description", "")), default_of(option),
            cell(type_of(option))))
    return lines


def headers_table(headers):
    lines = ["| Name | Description | Java type |", "|---|---|---|"]
    for header_name, header in sorted(headers.items(), key=lambda kv: kv[1].get("index", 0)):
        description = header.get("description", "")
        if header.get("enum"):
            description += " Values: " + ", ".join(header["enum"]) + "."
        lines.append("| `{}` | {} | `{}` |".format(header_name, cell(description), header.get("javaType", "")))
    return lines


def sections(catalog):
    component = catalog["componentProperties"]
    endpoint = catalog["properties"]
    headers = catalog.get("headers", {})
    return {
        "component options": [f"The component supports {len(component)} options, which are listed below.", ""]
                             + options_table(component),
        "endpoint options": [f"The endpoint supports {len(endpoint)} options, which are listed below.", ""]
                            + options_table(endpoint),
        "headers": [f"The component supports {len(headers)} message headers, which are listed below.", ""]
                   + headers_table(headers),
    }


def render(page, catalog):
    for name, body in sections(catalog).items():
        start = f"<!-- {name}: START -->"
        end = f"<!-- {name}: END -->"
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
        if len(pattern.findall(page)) != 1:
            raise SystemExit(f"expected exactly one '{start}' ... '{end}' block in the page")
        block = "\n".join([start, "", *body, "", end])
        page = pattern.sub(lambda _m: block, page)
    return page


def update(catalog_path, page_path, check):
    """Renders one page; returns 0 when it is (or now is) up to date, 1 when --check finds it stale."""
    catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    page = page_path.read_text(encoding="utf-8")
    updated = render(page, catalog)
    if check:
        if updated != page:
            print(f"{page_path} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    if updated != page:
        page_path.write_text(updated, encoding="utf-8")
        print(f"updated {page_path}")
    else:
        print(f"{page_path} already up to date")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--component", choices=sorted(COMPONENTS),
                        help="only this component's page (default: every component)")
    parser.add_argument("--catalog", type=Path, help="another catalog file (needs --component)")
    parser.add_argument("--page", type=Path, help="another page (needs --component)")
    parser.add_argument("--check", action="store_true", help="fail if a page is not up to date")
    args = parser.parse_args(argv)
    if (args.catalog or args.page) and not args.component:
        parser.error("--catalog and --page need --component")

    names = [args.component] if args.component else sorted(COMPONENTS)
    status = 0
    for name in names:
        catalog, page = COMPONENTS[name]
        status |= update(args.catalog or catalog, args.page or page, args.check)
    return status


if __name__ == "__main__":
    sys.exit(main())
