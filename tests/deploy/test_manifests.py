"""The container and Kubernetes descriptions agree with the app and the proxy (no container daemon
runs here: they are parsed and checked, not run)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from deploy import settings
from deploy.stack import (
    StackConfig,
    render_compose_haproxy_config,
    render_haproxy_config,
)

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
PROJECT = DEPLOY.parent
RUNTIME_PATHS = [".streamlit", "dashboard.py", "pages", "components", "data", "locales", "static"]  # what the app reads


def _dockerfile() -> list[tuple[str, str]]:
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1].strip()) for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_the_image_is_pinned_slim_non_root_and_checks_its_health():
    instructions = _dockerfile()
    base = next(value for kind, value in instructions if kind == "FROM")
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", base), base
    user = [value for kind, value in instructions if kind == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert next(value for kind, value in instructions if kind == "EXPOSE") == str(settings.APP_PORT)
    health = next(value for kind, value in instructions if kind == "HEALTHCHECK")
    assert f"127.0.0.1:{settings.APP_PORT}{settings.HEALTH_PATH}" in health
    command = json.loads(next(value for kind, value in instructions if kind == "CMD"))
    assert command[command.index("--server.port") + 1] == str(settings.APP_PORT)
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    copied = {value.split()[0] for kind, value in instructions if kind == "COPY"}
    assert set(RUNTIME_PATHS) <= copied and "requirements.txt" in copied
    assert all((PROJECT / path).exists() for path in RUNTIME_PATHS)


def test_production_servers_run_without_a_file_watcher():
    """Streamlit's file watcher polls the app's modules for every session: under the burst it cost the stack
    p95 2.25 s against 0.10 s without it (bench/RESULTS.md section 6)."""
    from deploy.stack import replica_command

    image = json.loads(next(value for kind, value in _dockerfile() if kind == "CMD"))
    for command in (image, replica_command(settings.FIRST_REPLICA_PORT)):
        assert command[command.index("--server.fileWatcherType") + 1] == "none", command


def test_dockerignore_keeps_the_runtime_paths_in_the_build_context():
    ignored = {line.strip() for line in (PROJECT / ".dockerignore").read_text().splitlines() if line.strip()}
    assert not ignored & {*RUNTIME_PATHS, "requirements.txt"}


def test_compose_runs_replicas_behind_the_proxy_with_the_generated_config():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app, proxy = compose["services"]["app"], compose["services"]["proxy"]
    assert app["deploy"]["replicas"] >= 2 and app["deploy"]["resources"]["limits"]["memory"]
    assert app["expose"] == [str(settings.APP_PORT)]
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in app["environment"]
    assert proxy["image"].startswith("haproxy:2.6.")
    assert proxy["ports"] == [f"127.0.0.1:{settings.PROXY_PORT}:{settings.PROXY_PORT}"]
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"
    mounted = next(volume.split(":")[0] for volume in proxy["volumes"] if volume.endswith("haproxy.cfg:ro"))
    assert (DEPLOY / mounted).read_text() == render_compose_haproxy_config(), \
        "deploy/haproxy.compose.cfg is out of date: python -m deploy.stack --compose-config > deploy/haproxy.compose.cfg"
    assert f"app:{settings.APP_PORT} check" in render_compose_haproxy_config()


@pytest.mark.parametrize("config", [render_haproxy_config(StackConfig(replicas=2)), render_compose_haproxy_config()],
                         ids=["local", "compose"])
def test_the_proxy_config_is_valid_and_carries_the_shared_settings(config, tmp_path):
    assert f"option httpchk GET {settings.HEALTH_PATH}" in config
    assert f"cookie {settings.STICKY_COOKIE} insert" in config
    assert f"timeout tunnel {settings.WEBSOCKET_IDLE_TIMEOUT}" in config
    assert "compression algo gzip" in config and all(kind in config for kind in settings.COMPRESSED_TYPES)
    assert settings.content_security_policy() in config
    if shutil.which("haproxy") is None:
        pytest.skip("haproxy is not installed; .ci/run installs it")
    path = tmp_path / "haproxy.cfg"
    path.write_text(config)
    result = subprocess.run(["haproxy", "-c", "-f", str(path)], capture_output=True, text=True,
                            env={"COOKIE_SECRET": "test", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("config", [render_haproxy_config(StackConfig(replicas=2)), render_compose_haproxy_config()],
                         ids=["local", "compose"])
def test_a_dead_replica_leaves_at_once_and_a_busy_one_stays(config):
    """A refused connection takes a replica out without waiting for checks; a health check answered late
    by a busy replica does not (under the burst a 1 s limit took the last healthy one out: every user waited)."""
    import re

    server_defaults = next(line for line in config.splitlines() if line.strip().startswith("default-server"))
    assert "observe layer4" in server_defaults and "on-error mark-down" in server_defaults
    check_timeout = re.search(r"timeout check (\d+)s", config)
    assert check_timeout and int(check_timeout.group(1)) >= 5
    assert int(re.search(r"fall (\d+)", server_defaults).group(1)) >= 3


def _k8s() -> dict[str, dict]:
    return {document["kind"]: document for document in yaml.safe_load_all((DEPLOY / "k8s" / "dashboard.yaml").read_text())}


def test_kubernetes_probes_ports_and_limits_agree_with_the_app():
    manifests = _k8s()
    assert set(manifests) == {"Deployment", "Service", "Ingress", "HorizontalPodAutoscaler"}
    deployment = manifests["Deployment"]
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert [port["containerPort"] for port in container["ports"]] == [settings.APP_PORT]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": settings.HEALTH_PATH, "port": settings.APP_PORT}
    assert container["resources"]["limits"]["memory"] and container["resources"]["limits"]["cpu"]
    assert deployment["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
    assert any(item["name"] == "STREAMLIT_SERVER_COOKIE_SECRET" for item in container["env"])
    assert manifests["Service"]["spec"]["ports"][0]["targetPort"] == settings.APP_PORT
    assert manifests["Service"]["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]


def test_kubernetes_ingress_keeps_a_browser_on_one_pod_and_the_websocket_open():
    manifests = _k8s()
    annotations = manifests["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"] == settings.STICKY_COOKIE
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    backend = manifests["Ingress"]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == manifests["Service"]["metadata"]["name"]
    assert backend["port"]["number"] == manifests["Service"]["spec"]["ports"][0]["port"]
    scaler = manifests["HorizontalPodAutoscaler"]["spec"]
    assert scaler["scaleTargetRef"]["name"] == manifests["Deployment"]["metadata"]["name"]
    assert 2 <= scaler["minReplicas"] < scaler["maxReplicas"]
