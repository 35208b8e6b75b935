"""The ``concord`` command (contracts/cli.md).

``concord law …`` runs the rules without Django or a database; everything else is a Django
management command (``serve``, ``worker``, ``demo``, ``audit``, ``migrate`` …).
"""

from __future__ import annotations

import os
import sys

SETTINGS_BY_ENV = {
    "dev": "concord.settings.dev",
    "development": "concord.settings.dev",
    "test": "concord.settings.test",
    "production": "concord.settings.prod",
    "prod": "concord.settings.prod",
}


def settings_module() -> str:
    env = os.environ.get("CONCORD_ENV", "dev").lower()
    if env not in SETTINGS_BY_ENV:
        sys.stderr.write(f"CONCORD_ENV: unknown environment {env!r} (dev, test, production)\n")
        raise SystemExit(2)
    return SETTINGS_BY_ENV[env]


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "law":
        from concord.law.cli import main as law_main  # the law package needs no Django

        raise SystemExit(law_main(argv[2:]))
    if os.environ.get("CONCORD_ENV"):
        os.environ["DJANGO_SETTINGS_MODULE"] = settings_module()
    else:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
    if len(argv) > 1 and argv[1] == "worker":
        argv[1] = "run_huey"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
