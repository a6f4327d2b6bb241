# citynet-bot: `docker build -t citynet-bot .` then
#   docker run -e TELEGRAM_BOT_TOKEN=... -v citynet-data:/data citynet-bot
# The event file lives on the /data volume (EVENT_FILE), next to the database: a new
# container started with the same volume keeps the organizers' /ubah edits.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_PATH=/data/citynet.db \
    EVENT_FILE=/data/event.toml

RUN useradd --create-home --uid 10001 citynet \
    && mkdir /data && chown citynet:citynet /data

WORKDIR /src
# Dependencies first, in their own layer: a code change does not reinstall them. An empty
# stand-in package lets pip resolve the project's dependencies from pyproject.toml alone.
COPY pyproject.toml setup.py MANIFEST.in README.md LICENSE constraints.txt ./
RUN mkdir bot handlers && touch bot/__init__.py handlers/__init__.py \
    && pip install --no-cache-dir -c constraints.txt . \
    && pip uninstall --yes citynet-bot \
    && rm -rf bot handlers build

# The project itself, installed like any package (not editable): data/ and locales/ are
# copied into it by setup.py, so /src is not needed at run time.
COPY bot ./bot
COPY handlers ./handlers
COPY data ./data
COPY locales ./locales
RUN pip install --no-cache-dir --no-deps . \
    && rm -rf /src/build

# A new named volume starts with the image's /data contents: the shipped event, which
# organizers then edit with /ubah or replace (EVENT_FILE names another file to use).
COPY --chown=citynet:citynet data/citynet-kupang-2019.toml /data/event.toml

WORKDIR /data
USER 10001
VOLUME ["/data"]
CMD ["citynet-bot", "run"]
