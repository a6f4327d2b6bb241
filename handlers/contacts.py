"""Contacts of the committee and member regions: private chats only."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render_delegate, render_info
from bot.context import BotContext
from bot.directory import search_contacts
from bot.features import delegates
from bot.understanding import Understanding
from handlers.common import (
    answer,
    asked,
    callback_arg,
    decline,
    is_private,
    send,
    show,
    stale_button,
)


async def private_only(update: Update, context: BotContext) -> bool:
    """Refuse when contact details may not be shown here. True if refused.

    Never in a group (a button leads to the private chat); and, when the data file says
    `contacts_for = "registered"`, not to someone who has not registered (they are offered
    the registration instead).
    """
    if not is_private(update):
        if update.callback_query is not None:
            await answer(update.callback_query)
        await send(update, render_info.contacts_private_only(context.t, context.bot.username or ""))
        return True
    user = update.effective_user
    if context.event.contacts_registered_only and (
        user is None or not await delegates.is_registered(context.services, user.id)
    ):
        await show(update, render_delegate.contacts_need_registration(context.t))
        return True
    return False


async def answer_query(update: Update, context: BotContext, query: str, question: str,
                       *, typed: bool = False) -> None:
    """Contacts for a free-form query ("sidoarjo", "kab. kupang", "panitia"), asked as
    `question` (what the Tanya panitia button sends when none is found).

    After /kontak, a query that finds nobody keeps the list to choose from; a `typed`
    question ("nomor hp pribadi pak menteri", "kontak pemkab ende") gets the one decline:
    other people's numbers are not its answer."""
    event, t = context.event, context.t
    found = search_contacts(event, query)
    if not found.named:
        await show(update, render_info.contacts_prompt(event, t))
    elif found.ambiguous:
        await show(update, render_info.ambiguous_regions(found.ambiguous, t, query))
    elif found.contacts:
        await show(update, render_info.contacts_view(found.contacts, t, found.region or query))
    elif typed and found.region:
        # "kontak pemkab ende ada?": say that the region has no contact of its own; the
        # panitia (the button) answer for it, not other people's numbers.
        await decline(update, context, question,
                      lead=render_info.no_contact_of_region(t, found.region))
    elif typed:
        await decline(update, context, question)
    elif found.region:
        await decline(update, context, question,
                      render_info.no_contacts_in_region(event, t, found.region))
    else:
        await decline(update, context, question, render_info.no_contacts(event, t, query))


async def answer_question(
    update: Update, context: BotContext, text: str, found: Understanding
) -> None:
    """A free-text request for contacts ("kontak panitia sidoarjo")."""
    if await private_only(update, context):
        return
    event, t = context.event, context.t
    per_region = [event.contacts_in([r]) for r in found.regions]
    if found.ambiguous_region:
        await show(update, render_info.ambiguous_regions(found.regions, t, text))
    elif len(per_region) > 1 and all(per_region):
        # "kontak sidoarjo sama banyuwangi": every region asked, in the order asked.
        await show(update, render_info.contacts_view(
            [c for cs in per_region for c in cs], t, t.join(found.regions)))
    else:
        await answer_query(update, context, found.regions[0] if found.regions else text, text,
                           typed=True)


async def contacts(update: Update, context: BotContext) -> None:
    """/kontak [daerah]: search contacts, or list the regions that have some."""
    if await private_only(update, context):
        return
    query = " ".join(context.args or [])
    if query:
        await answer_query(update, context, query, asked(update, query))
    else:
        await show(update, render_info.contacts_prompt(context.event, context.t))


async def region_button(update: Update, context: BotContext) -> None:
    """A region button: that region's contacts."""
    if await private_only(update, context):
        return
    region = callback_arg(update)
    region = "" if region == cb.NETWORK else region
    event = context.event
    if region and region not in event.regions:
        await stale_button(update, context)
        return
    found = event.contacts_in([region])
    title = region or render_info.network_title(event, context.t)
    if found:
        await show(update, render_info.contacts_view(found, context.t, title))
    else:
        await decline(update, context, render_info.contacts_question(context.t, title),
                      render_info.no_contacts_in_region(event, context.t, region))


async def card_button(update: Update, context: BotContext) -> None:
    """A contact-card button: send the contact so it can be saved in one tap."""
    if await private_only(update, context):
        return
    query = update.callback_query
    contact = context.event.contact(callback_arg(update))
    if query is None or contact is None or update.effective_chat is None:
        await stale_button(update, context)
        return
    await answer(query)
    await update.effective_chat.send_contact(
        phone_number=contact.phone, first_name=contact.name[:64], last_name=contact.instansi[:64]
    )


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.CONTACTS), contacts),
    CallbackQueryHandler(contacts, pattern=f"^{cb.CONTACTS}$"),
    CallbackQueryHandler(region_button, pattern=f"^{cb.CONTACT_REGION}:"),
    CallbackQueryHandler(card_button, pattern=f"^{cb.CONTACT_CARD}:"),
]
