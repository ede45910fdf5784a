"""The read API: a Powertools REST resolver with one router per resource.

``build_app`` wires routers to a ``ResultStore``; the Lambda handler (``functions/api/app.py``) only resolves
events. Nothing here imports spaCy.
"""

from newsextract.api.app import build_app

__all__ = ["build_app"]
