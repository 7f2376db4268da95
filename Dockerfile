# syntax=docker/dockerfile:1
# Lan Tỏa: one image for the web, worker and scheduler processes (compose.yaml, docs/deployment.md).
#   docker build -t lantoa .
#   docker run --rm -e SECRET_KEY=… -e DATABASE_URL=postgres://… -p 8000:8000 lantoa
# The default command serves the site with gunicorn (gunicorn.conf.py); the worker and the
# scheduler run the same image with `python manage.py db_worker` / `run_scheduler`.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# pg_dump for `manage.py backup` on PostgreSQL; pango and the fonts for the PDF reports
# (scripts/install-system-packages.sh, docs/campaigns.md); everything else comes as wheels.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
       libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so a code change does not reinstall them (the project installs no
# package of its own: pyproject.toml lists dependencies only).
COPY pyproject.toml README.md ./
RUN pip install ".[prod,s3]"

COPY . .

# Static files are part of the image: hashed and compressed once, served by WhiteNoise.
# (A throwaway key for this build step only: the running container needs its own SECRET_KEY.)
RUN DJANGO_SETTINGS_MODULE=lantoa.settings STATIC_ROOT=/app/staticfiles \
    SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    python manage.py collectstatic --no-input -v 0

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin lantoa \
    && mkdir -p /data/media /data/private \
    && chown -R lantoa:lantoa /data
USER lantoa

ENV DJANGO_SETTINGS_MODULE=lantoa.settings \
    DEBUG=0 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/private \
    GUNICORN_BIND=0.0.0.0:8000 \
    FORWARDED_ALLOW_IPS=*

VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/robots.txt', timeout=4)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py"]
