"""Serving the dashboard in production: the stack on one machine (`deploy/serve`) and its container
and Kubernetes descriptions. See README, "Deploy"."""
