"""The files of deploy/ stay true to the code: units and cron lines run real commands, env.example lists every
variable settings.py reads, and nginx accepts its configuration."""

import configparser
import importlib
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(DEPLOY / "systemd" / name)
    return parser


def check_manage_py(arguments: list[str]) -> None:
    """`manage.py <command> <options>`: the command exists and knows each option.

    Options are looked up rather than parsed: db_worker's parser refuses the tests' in-process task backend.
    """
    name, *options = arguments
    commands = get_commands()
    assert name in commands, f"unknown management command {name}"
    parser = load_command_class(commands[name], name).create_parser("manage.py", name)
    for option in options:
        if option.startswith("-"):
            assert option.split("=")[0] in parser._option_string_actions, f"{name} has no option {option}"


@pytest.mark.parametrize(
    "name", sorted(path.name for path in (DEPLOY / "systemd").iterdir() if path.suffix == ".service")
)
def test_each_unit_runs_a_real_command_as_the_service_user(name):
    """Every service runs as `territoires` from the project and starts an existing command with valid options."""
    service = unit(name)["Service"]
    assert service["User"] == "territoires"
    program, *arguments = shlex.split(service["ExecStart"])
    if program.endswith("/uvicorn"):
        module, attribute = arguments[0].split(":")
        assert callable(getattr(importlib.import_module(module), attribute))
        assert int(arguments[arguments.index("--workers") + 1]) > 1
    else:
        assert program.endswith("/.venv/bin/python")
        check_manage_py(arguments[arguments.index(next(a for a in arguments if a.endswith("manage.py"))) + 1 :])


def test_the_worker_takes_both_queues_and_the_timer_starts_the_backup():
    """One worker runs the `search` queue (Whoosh's single writer); the backup timer matches its service."""
    assert "--queue-name default,search" in unit("territoires-worker.service")["Service"]["ExecStart"]
    assert "OnCalendar" in unit("territoires-backup.timer")["Timer"]


def test_cron_runs_every_scheduled_job_of_the_readme():
    """deploy/cron/territoires runs exactly the jobs README.md lists, each an existing command."""
    readme = (ROOT / "README.md").read_text()
    block = readme.split("Scheduled jobs", 1)[1].split("```cron", 1)[1].split("```", 1)[0]
    documented = set(re.findall(r"manage\.py (\w+)", block))
    lines = [
        line
        for line in (DEPLOY / "cron" / "territoires").read_text().splitlines()
        if line[:1].isdigit() or line.startswith("*")
    ]
    scheduled = set()
    for line in lines:
        assert line.split()[5] == "territoires"
        arguments = shlex.split(line.split("manage.py", 1)[1])
        check_manage_py(arguments)
        scheduled.add(arguments[0])
    assert scheduled == documented


def test_env_example_lists_exactly_the_variables_settings_reads():
    """A variable added to settings.py without its line in deploy/env.example (or the reverse) fails here."""
    source = (ROOT / "config" / "settings.py").read_text()
    read = set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", source))
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (DEPLOY / "env.example").read_text(), re.MULTILINE))
    assert read - listed == set(), "read by settings.py, missing from deploy/env.example"
    assert listed - read == set(), "in deploy/env.example, never read by settings.py"
    assert re.search(r"^SECRET_KEY=$", (DEPLOY / "env.example").read_text(), re.MULTILINE)


def test_nginx_matches_the_documents_setting_and_accepts_the_configuration(tmp_path):
    """The internal location is the one DOCUMENTS_X_ACCEL_REDIRECT names, and `nginx -t` accepts the file."""
    config = (DEPLOY / "nginx" / "territoires.conf").read_text()
    accel = re.search(r"^DOCUMENTS_X_ACCEL_REDIRECT=(\S+)$", (DEPLOY / "env.example").read_text(), re.MULTILINE)[1]
    assert re.search(rf"location {re.escape(accel)} {{\s*internal;", config)
    nginx, openssl = shutil.which("nginx"), shutil.which("openssl")
    if nginx is None or openssl is None:
        pytest.skip(
            "nginx is not installed (Debian: apt install nginx); the configuration was not run through nginx -t."
        )
    key, certificate = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=territoires.test",
         "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    config = (
        config.replace("/etc/letsencrypt/live/territoires.example.fr/fullchain.pem", str(certificate))
        .replace("/etc/letsencrypt/live/territoires.example.fr/privkey.pem", str(key))
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )
    (tmp_path / "territoires.conf").write_text(config)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  include {tmp_path}/territoires.conf;\n}}\n"
    )
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
