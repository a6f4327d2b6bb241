# citynet-bot: `docker build -t citynet-bot .` then
#   docker run -e TELEGRAM_BOT_TOKEN=... -v citynet-data:/data citynet-bot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_PATH=/data/citynet.db

RUN useradd --create-home --uid 10001 citynet \
    && mkdir /data && chown citynet:citynet /data

WORKDIR /app
COPY --chown=citynet:citynet . /app
# Same install as the README (editable, so data/ and locales/ are read from /app).
RUN pip install --no-cache-dir -e .

USER 10001
VOLUME ["/data"]
CMD ["citynet-bot", "run"]
