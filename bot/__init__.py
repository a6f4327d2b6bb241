"""citynet-bot core: config, clock, event model, storage, i18n, rendering, understanding."""
