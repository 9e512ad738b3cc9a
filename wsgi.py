"""Entry point for gunicorn: `gunicorn wsgi:app` (KAKEHASHI_ENV=production in production)."""

from app import create_app

app = create_app()
