"""The WSGI application: what gunicorn and runserver serve.

With DEBUG off it refuses to start on the public development key (SECRET_KEY unset): sessions, CSRF
tokens and password-reset links would be signed with a key anyone can read in settings.py.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careermap.settings")

if not settings.DEBUG and settings.SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: with DEBUG off the site will not start on the development key. "
        "Set SECRET_KEY (or SECRET_KEY_FILE to a file holding it); see .env.example."
    )

application = get_wsgi_application()
