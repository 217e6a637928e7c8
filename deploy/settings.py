"""What every description of the production stack shares: ports, health path, the endpoints a reader
needs, and the proxy's limits. `deploy/stack.py` (HAProxy on this machine), the Dockerfile, the compose
file and the Kubernetes manifests all state these values; tests/deploy checks that they agree."""

from __future__ import annotations

APP_PORT = 8501  # Streamlit inside a container (Dockerfile, compose, Kubernetes)
PROXY_PORT = 8080  # where the stack listens on this machine (deploy/serve; $PORT)
FIRST_REPLICA_PORT = 8601  # replicas on this machine listen on 8601, 8602, ... ($REPLICA_PORT)
HEALTH_PATH = "/_stcore/health"
STICKY_COOKIE = "CADASH_REPLICA"  # the proxy's cookie that keeps a browser on one replica
# Streamlit's own endpoints a reader's browser calls; every other /_stcore/ path (metrics, uploads,
# script health checks) is refused by the proxy.
PUBLIC_STCORE = ("/_stcore/health", "/_stcore/host-config", "/_stcore/stream")
MAX_PATH_BYTES = 1024  # a longer path is refused before it reaches the app (414)
MAX_URL_BYTES = 4096  # path and query string together
WEBSOCKET_IDLE_TIMEOUT = "1h"
# New websockets a client address may open per 10 s (a reload opens one): any client can send Streamlit's
# `clear_cache` over its websocket, so nobody may keep reconnecting to keep the servers reloading.
# Load tests from one address raise it ($STREAM_OPENS_PER_10S).
STREAM_OPENS_PER_10S = 20  # an open page keeps its websocket this long without traffic
# Compressed by the proxy: text, scripts, styles, JSON, SVG and the map outlines (TopoJSON).
COMPRESSED_TYPES = ("text/html", "text/css", "text/plain", "text/javascript", "application/javascript",
                    "application/json", "image/svg+xml", "application/geo+json")
DEFAULT_FRAME_ANCESTORS = "'self'"  # embed mode elsewhere: FRAME_ANCESTORS="'self' https://example.org"


def inline_script_hashes() -> list[str]:
    """CSP hashes of the inline scripts in the installed Streamlit's index.html (one line,
    `window.prerenderReady = false`): allowed by hash, so no other inline script runs."""
    import base64
    import hashlib
    import re
    from importlib.resources import files

    page = files("streamlit").joinpath("static", "index.html").read_text(encoding="utf-8")
    return [f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
            for script in re.findall(r"<script>(.*?)</script>", page, re.DOTALL)]


def content_security_policy(frame_ancestors: str = DEFAULT_FRAME_ANCESTORS) -> str:
    """Only this origin: scripts (and Streamlit's one inline line, by hash), styles (Streamlit sets
    inline styles), images and fonts (also as data: and blob: URLs, which Streamlit and Plotly make),
    the websocket, workers; framing as configured."""
    scripts = " ".join(["'self'", *inline_script_hashes()])
    return (f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            f"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {frame_ancestors}")
