#!/usr/bin/env python3
"""Builds the Teams app package (the zip you upload in Teams) from manifest.json and the two icons.

    python3 manifests/teams/package.py --app-id <Microsoft App ID> [--domain bot.example.com] [--version 1.0.1] [--out file.zip]

The checked-in manifest carries a placeholder id; the package gets your bot's app id as both the app id and the
bot id, and your bot's host name among the valid domains. Only the standard library is used.
"""
import argparse, json, pathlib, re, sys, zipfile

HERE = pathlib.Path(__file__).parent
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--app-id", required=True, help="the bot's Microsoft App ID (Teams:AppId)")
    p.add_argument("--domain", action="append", default=[], help="a host name the app uses, e.g. your tunnel's (repeatable)")
    p.add_argument("--version", help="the app version (semver); raise it for each upload of a changed package")
    p.add_argument("--out", default="accountabilitybot-teams.zip", help="where to write the zip")
    args = p.parse_args()
    if not GUID.match(args.app_id):
        sys.exit("--app-id must be the bot's Microsoft App ID, a GUID (Azure Bot > Configuration).")

    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    manifest["id"] = args.app_id
    manifest["bots"][0]["botId"] = args.app_id
    if args.version:
        manifest["version"] = args.version
    for domain in args.domain:
        host = re.sub(r"^https?://", "", domain).split("/")[0]
        if host and host not in manifest["validDomains"]:
            manifest["validDomains"].append(host)

    out = pathlib.Path(args.out)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:  # manifest and icons at the root of the zip
        z.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        z.write(HERE / "color.png", "color.png")
        z.write(HERE / "outline.png", "outline.png")
    print(f"wrote {out} for app {args.app_id}; upload it in Teams: Apps > Manage your apps > Upload an app")


if __name__ == "__main__":
    main()
