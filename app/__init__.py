"""Kakehashi (架け橋): a Japanese course and exam trainer for learners in Pakistan."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import check_production, config_from_env


def create_app(config_class=None, **overrides) -> Flask:
    """Assemble the app: settings, extensions, blueprints, CLI and error pages. Nothing else."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_class or config_from_env())
    app.config.update(overrides)
    if not app.debug and not app.testing:
        check_production(app.config)
    if app.config["PROXY_COUNT"]:
        n = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    from app import errors, i18n, security, static_files
    from app.extensions import babel, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        from sqlalchemy import event

        from app.extensions import sqlite_pragmas
        with app.app_context():
            event.listen(db.engine, "connect", sqlite_pragmas)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    login_manager.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    static_files.init_app(app)

    from app.assessment import bp as assessment_bp
    from app.audio import bp as audio_bp
    from app.audio.routes import audio_url
    from app.auth import bp as auth_bp
    from app.export import bp as export_bp
    from app.learn import bp as learn_bp
    from app.main import bp as main_bp
    from app.practice import bp as practice_bp
    from app.schools import bp as schools_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(learn_bp)
    app.register_blueprint(practice_bp)
    app.register_blueprint(audio_bp)
    app.register_blueprint(assessment_bp)
    app.register_blueprint(export_bp)
    app.register_blueprint(schools_bp)
    app.add_template_global(audio_url)

    from app import cli

    cli.init_app(app)
    return app
