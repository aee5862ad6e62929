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
    _add_sync_commands(commands)
    commands.add_parser(
        "send-messages",
        help="send the due appointment messages through the configured SMS gateway",
    )
    shots = commands.add_parser("screenshots", help="render every tab of every role to PNG files")
    shots.add_argument("directory", type=Path)
    shots.add_argument(
        "--language", dest="shots_language", choices=["zh_CN", "en"], default="zh_CN"
    )
    return parser


def _add_sync_commands(commands: argparse._SubParsersAction) -> None:
    server = commands.add_parser(
        "sync-server", help="run headquarters' sync service over the central PostgreSQL"
    )
    server.add_argument("--database-url", help="central PostgreSQL (default LORCH_DATABASE_URL)")
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=8443)
    server.add_argument("--ssl-keyfile", help="TLS private key (serve HTTPS directly)")
    server.add_argument("--ssl-certfile", help="TLS certificate chain")
    server.add_argument(
        "--new-epoch",
        action="store_true",
        help="after restoring the central database from a backup: nodes re-push and re-pull",
    )
    sync = commands.add_parser("sync", help="push this node's changes to headquarters and pull")
    sync.add_argument("--join", metavar="URL", help="join this new database to the service at URL")
    sync.add_argument("--token", help="the enrolment token headquarters issued (with --join)")


def sync_server_command(args: argparse.Namespace) -> int:
    from lorch_desk.sync import server

    url = args.database_url or config.choose_database().url
    if not url.startswith("postgresql"):
        print("the sync service runs over the central PostgreSQL", file=sys.stderr)
        return 2
    if args.new_epoch:
        print("new epoch", server.start_new_epoch(url))
    server.serve(
        url,
        host=args.host,
        port=args.port,
        ssl_keyfile=args.ssl_keyfile,
        ssl_certfile=args.ssl_certfile,
    )
    return 0


def sync_command(args: argparse.Namespace) -> int:
    from lorch_desk.bootstrap import open_database
    from lorch_desk.sync.client import client_for, join
    from lorch_desk.sync.protocol import SyncRefused

    database = open_database(config.choose_database())
    try:
        if args.join:
            if not args.token:
                print("--join needs --token", file=sys.stderr)
                return 2
            report = join(database, args.join, args.token)
        else:
            client = client_for(database)
            if client is None:
                print("this node has not joined headquarters: use --join URL --token T")
                return 2
            try:
                report = client.sync_once()
            finally:
                client.close()
    except SyncRefused as refusal:
        print(f"refused by headquarters: {refusal}", file=sys.stderr)
        return 3
    except Exception as error:  # noqa: BLE001 - a scheduled task reports and exits
        print(f"sync failed: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(
        f"pushed {report.pushed}, pulled {report.pulled}, skipped {report.skipped}, "
        f"conflicts {report.conflicts}, rejected {report.rejected}"
    )
    return 0


def send_messages_command() -> int:
    """Send what the outbox holds (for a scheduled task); without a gateway nothing goes out."""
    from lorch_desk.bootstrap import find_identity, open_database
    from lorch_desk.services.message_senders import deliver_due_messages, sender_from_settings
    from lorch_desk.services.node_setup import node_actor

    database = open_database(config.choose_database())
    try:
        identity = find_identity(database)
        if identity is None:
            print("this database has no node yet: start the app once to set it up", file=sys.stderr)
            return 2
        actor = node_actor(identity)
        sender, _ = database.run(actor, lambda uow, _p: sender_from_settings(uow), read_only=True)
        if not sender.is_automatic:
            print("no SMS gateway configured (clinic setting sms.gateway): staff send by hand")
            return 0
        result = deliver_due_messages(database, actor, sender)
    finally:
        database.dispose()
    print(f"sent {result.sent}, failed {result.failed} (failed ones are retried later)")
    return 0 if result.failed == 0 else 1


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
    if args.command == "sync-server":
        return sync_server_command(args)
    if args.command == "sync":
        return sync_command(args)
    if args.command == "send-messages":
        return send_messages_command()
    from lorch_desk import app

    if args.command == "screenshots":
        saved = app.render_screenshots(args.directory, language=args.shots_language, on_saved=print)
        return 0 if saved else 1
    if args.self_test:
        return app.run_self_test()
    return app.run_gui(demo=args.demo, language=args.language)
