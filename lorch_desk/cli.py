"""Command line: the GUI by default, and headless commands (backup, screenshots, self-test)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lorch_desk import config


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lorch-desk", description="Lorch Desk clinic workstation")
    parser.add_argument(
        "--demo", action="store_true", help="open the demo database (created on first use)"
    )
    parser.add_argument("--language", choices=["zh_CN", "en"], help="user interface language")
    parser.add_argument(
        "--self-test", action="store_true", help="open the main window offscreen and exit"
    )
    commands = parser.add_subparsers(dest="command")
    backup = commands.add_parser(
        "backup", help="copy the SQLite database consistently, even while in use"
    )
    backup.add_argument(
        "path", nargs="?", type=Path, help="target file (default: the backups folder)"
    )
    backup.add_argument(
        "--demo", action="store_true", dest="backup_demo", help="back up the demo database"
    )
    restore = commands.add_parser(
        "restore", help="replace the database by a backup (asks to confirm)"
    )
    restore.add_argument("path", type=Path)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    shots = commands.add_parser("screenshots", help="render every tab of every role to PNG files")
    shots.add_argument("directory", type=Path)
    shots.add_argument(
        "--language", dest="shots_language", choices=["zh_CN", "en"], default="zh_CN"
    )
    return parser


def backup_command(target: Path | None, *, demo: bool) -> int:
    from lorch_desk.db.backup import backup_into, backup_sqlite

    choice = config.choose_database(demo=demo)
    source = choice.sqlite_path
    if source is None:
        print(
            "lorch-desk backup copies SQLite databases; back up a PostgreSQL server with pg_dump.",
            file=sys.stderr,
        )
        return 2
    if not source.exists():
        print(f"no database at {source}", file=sys.stderr)
        return 2
    made = (
        backup_sqlite(source, target)
        if target
        else backup_into(source, choice.backup_dir, "manual")
    )
    print(made)
    return 0


def restore_command(backup: Path, *, confirmed: bool) -> int:
    from lorch_desk.db.backup import backup_into, restore_sqlite

    choice = config.choose_database()
    target = choice.sqlite_path
    if target is None or not backup.exists():
        print("restore needs an existing backup file and an SQLite database", file=sys.stderr)
        return 2
    if not confirmed:
        answer = input(f"Replace {target} by {backup}? Type yes: ")
        if answer.strip().lower() != "yes":
            print("nothing changed")
            return 1
    if target.exists():
        print("current database saved as", backup_into(target, choice.backup_dir, "before-restore"))
    restore_sqlite(backup, target)
    print("restored", target)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `lorch-desk` command."""
    args = build_parser().parse_args(argv)
    if args.command == "backup":
        return backup_command(args.path, demo=args.backup_demo)
    if args.command == "restore":
        return restore_command(args.path, confirmed=args.yes)
    from lorch_desk import app

    if args.command == "screenshots":
        saved = app.render_screenshots(args.directory, language=args.shots_language, on_saved=print)
        return 0 if saved else 1
    if args.self_test:
        return app.run_self_test()
    return app.run_gui(demo=args.demo, language=args.language)
