"""Every schema change, in one ordered list: the database is at the version of the last step
it ran (`PRAGMA user_version`), and `Store._migrate` runs the newer ones, each in its own
transaction with its version bump.

Rules: append a new step with the next version; never edit or renumber a released step (an
existing database has run it already; tests/test_storage.py pins their SQL). A step may
touch any table, so a feature that extends another's table says so here, in order.
"""

from __future__ import annotations

from bot.storage.base import Migration

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "users: who talked to the bot and in which language",
        """
        CREATE TABLE users (
            id          INTEGER PRIMARY KEY,   -- Telegram user id
            first_name  TEXT NOT NULL DEFAULT '',
            username    TEXT,
            language    TEXT,                  -- NULL: not chosen, use the default
            active      INTEGER NOT NULL DEFAULT 1,
            created_at  TEXT NOT NULL,
            last_seen   TEXT NOT NULL
        );
        """,
    ),
    Migration(
        2,
        "delegates: profiles, reminder preferences, RSVPs with waiting list, deliveries",
        """
        ALTER TABLE users ADD COLUMN reminder_lead INTEGER NOT NULL DEFAULT 15;
        ALTER TABLE users ADD COLUMN morning_brief INTEGER NOT NULL DEFAULT 1;
        CREATE TABLE profiles (
            user_id       INTEGER PRIMARY KEY REFERENCES users(id),
            name          TEXT NOT NULL,
            instansi      TEXT NOT NULL,
            region        TEXT,            -- canonical region when picked from the event's
            role          TEXT NOT NULL,   -- delegasi | narasumber | panitia | media
            registered_at TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        );
        CREATE TABLE rsvps (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,  -- arrival order = waiting order
            user_id     INTEGER NOT NULL REFERENCES users(id),
            session_id  TEXT NOT NULL,                      -- '_event' for the whole event
            status      TEXT NOT NULL CHECK (status IN ('going', 'waiting')),
            seen_start  TEXT,      -- session start the delegate was last told (UTC ISO)
            seen_venue  TEXT,      -- venue id the delegate was last told
            created_at  TEXT NOT NULL,
            UNIQUE (user_id, session_id)
        );
        CREATE INDEX rsvps_by_session ON rsvps (session_id, status, seq);
        CREATE TABLE deliveries (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id     INTEGER NOT NULL REFERENCES users(id),
            kind        TEXT NOT NULL,   -- reminder | brief | seat | change
            ref         TEXT NOT NULL,   -- session id, or the day (ISO) of a brief
            due_at      TEXT NOT NULL,   -- UTC ISO 8601
            expires_at  TEXT NOT NULL,   -- pointless after this (the session started)
            data        TEXT NOT NULL DEFAULT '{}',  -- JSON details (what changed)
            state       TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'sending', 'sent', 'dropped')),
            updated_at  TEXT NOT NULL,
            UNIQUE (user_id, kind, ref)
        );
        CREATE INDEX deliveries_due ON deliveries (state, due_at)
        """,
    ),
    Migration(
        3,
        "organizers: invited organizers, invites, audit, linked chats, announcements, outbox",
        """
        CREATE TABLE organizers (
            user_id     INTEGER PRIMARY KEY,   -- invited organizers (BOT_ADMINS live in config)
            added_by    INTEGER NOT NULL,
            added_at    TEXT NOT NULL,
            revoked_by  INTEGER,
            revoked_at  TEXT                   -- NULL while the role is held
        );
        CREATE TABLE invites (
            code_hash   TEXT PRIMARY KEY,      -- sha256 of the code: the code itself is not kept
            created_by  INTEGER NOT NULL,
            created_at  TEXT NOT NULL,
            expires_at  TEXT NOT NULL,         -- UTC ISO
            used_by     INTEGER,
            used_at     TEXT
        );
        CREATE TABLE audit (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at          TEXT NOT NULL,
            actor       INTEGER NOT NULL,
            action      TEXT NOT NULL,
            details     TEXT NOT NULL DEFAULT '{}'   -- JSON
        );
        CREATE TABLE linked_chats (
            chat_id     INTEGER PRIMARY KEY,
            title       TEXT NOT NULL,
            kind        TEXT NOT NULL,         -- group | supergroup | channel
            linked_by   INTEGER NOT NULL,
            linked_at   TEXT NOT NULL
        );
        CREATE TABLE announcements (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            author           INTEGER NOT NULL,
            text             TEXT NOT NULL,    -- Telegram HTML (the organizer's formatting)
            media_kind       TEXT,             -- photo | document | NULL
            media_file_id    TEXT,
            audience         TEXT NOT NULL DEFAULT '',
            urgent           INTEGER NOT NULL DEFAULT 0,
            status           TEXT NOT NULL DEFAULT 'draft'
                             CHECK (status IN ('draft', 'cancelled', 'sending', 'done')),
            progress_chat    INTEGER,          -- the organizer's message showing progress
            progress_message INTEGER,
            created_at       TEXT NOT NULL,
            queued_at        TEXT,
            finished_at      TEXT
        );
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            announcement_id INTEGER NOT NULL REFERENCES announcements(id),
            chat_id         INTEGER NOT NULL,
            state           TEXT NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            error           TEXT,              -- failure reason; 'interrupted' when recovered
            message_id      INTEGER,
            read_at         TEXT,              -- "Sudah dibaca" pressed (urgent ones)
            updated_at      TEXT NOT NULL,
            UNIQUE (announcement_id, chat_id)
        );
        CREATE INDEX outbox_by_state ON outbox (state, id)
        """,
    ),
    Migration(
        4,
        "city tour: bus assignments, bus leaders, check-ins, optional phone for the bus",
        """
        ALTER TABLE profiles ADD COLUMN phone TEXT;  -- shared by the delegate for the tour
        CREATE TABLE tour_buses (
            user_id      INTEGER PRIMARY KEY REFERENCES users(id),
            bus_id       TEXT NOT NULL,
            assigned_by  INTEGER,                     -- NULL: assigned automatically
            assigned_at  TEXT NOT NULL
        );
        CREATE TABLE bus_leaders (
            user_id      INTEGER PRIMARY KEY REFERENCES users(id),
            bus_id       TEXT NOT NULL,
            assigned_by  INTEGER NOT NULL,
            assigned_at  TEXT NOT NULL
        );
        CREATE TABLE tour_checkins (
            user_id      INTEGER PRIMARY KEY REFERENCES users(id),
            at           TEXT NOT NULL,
            method       TEXT NOT NULL CHECK (method IN ('button', 'location')),
            distance_m   INTEGER                      -- erased after the tour
        )
        """,
    ),
    Migration(
        5,
        "conversation steps and drafts survive a restart (PTB persistence)",
        """
        CREATE TABLE conversation_states (
            name        TEXT NOT NULL,             -- the ConversationHandler's name
            key         TEXT NOT NULL,             -- JSON array: (chat id, user id)
            state       TEXT NOT NULL,             -- JSON: the step
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (name, key)
        );
        CREATE TABLE user_states (
            user_id     INTEGER PRIMARY KEY,
            data        BLOB NOT NULL,             -- pickled user_data (drafts)
            updated_at  TEXT NOT NULL
        )
        """,
    ),
    Migration(
        6,
        "questions to the panitia, their relayed copies, and the panitia group",
        """
        CREATE TABLE questions (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id       INTEGER NOT NULL,      -- the delegate who asked
            text          TEXT NOT NULL,
            created_at    TEXT NOT NULL,         -- UTC ISO (milliseconds)
            state         TEXT NOT NULL DEFAULT 'open'
                          CHECK (state IN ('open', 'answered', 'saved')),
            answer        TEXT,
            answered_by   INTEGER,
            answered_at   TEXT,
            raised_again  INTEGER NOT NULL DEFAULT 0,  -- reminded to the organizers once
            faq_id        TEXT                   -- the [[faq]] entry it was saved as
        );
        CREATE INDEX questions_open ON questions (state, raised_again, created_at);
        CREATE INDEX questions_by_user ON questions (user_id);
        CREATE TABLE question_relays (
            chat_id       INTEGER NOT NULL,      -- an organizer, or the panitia group
            message_id    INTEGER NOT NULL,
            question_id   INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            PRIMARY KEY (chat_id, message_id)
        );
        CREATE INDEX question_relays_by_question ON question_relays (question_id);
        CREATE TABLE panitia_chats (
            chat_id       INTEGER PRIMARY KEY,   -- where questions go instead of each organizer
            title         TEXT NOT NULL,
            linked_by     INTEGER NOT NULL,
            linked_at     TEXT NOT NULL
        )
        """,
    ),
    Migration(
        7,
        "calendar: a SEQUENCE per session that rises when the session moves",
        """
        CREATE TABLE session_versions (
            session_id   TEXT PRIMARY KEY,
            fingerprint  TEXT NOT NULL,    -- start, end and venue as last put in an .ics
            sequence     INTEGER NOT NULL,
            updated_at   TEXT NOT NULL
        )
        """,
    ),
    Migration(
        8,
        "attendance: check-ins, staff, certificates, feedback, evaluation",
        """
        CREATE TABLE attendance_keys (
            name        TEXT PRIMARY KEY,
            value       BLOB NOT NULL          -- HMAC key for card links and session codes
        );
        CREATE TABLE cards (
            user_id     INTEGER PRIMARY KEY,
            card_no     TEXT NOT NULL UNIQUE,  -- random; the card's QR carries it, signed
            created_at  TEXT NOT NULL
        );
        CREATE TABLE desk_checkins (
            user_id     INTEGER NOT NULL,
            day         TEXT NOT NULL,         -- event-local ISO date
            at          TEXT NOT NULL,         -- UTC ISO
            recorded_by INTEGER NOT NULL,      -- the organizer or petugas who scanned the card
            PRIMARY KEY (user_id, day)
        );
        CREATE TABLE session_checkins (
            user_id     INTEGER NOT NULL,
            session_id  TEXT NOT NULL,
            at          TEXT NOT NULL,         -- UTC ISO
            via         TEXT NOT NULL,         -- code | link
            PRIMARY KEY (user_id, session_id)
        );
        CREATE TABLE staff (
            user_id     INTEGER PRIMARY KEY,
            role        TEXT NOT NULL CHECK (role IN ('petugas', 'moderator')),
            added_by    INTEGER NOT NULL,
            added_at    TEXT NOT NULL,
            revoked_by  INTEGER,
            revoked_at  TEXT                   -- NULL while the role is held
        );
        -- Apart from organizer invites on purpose: a desk-staff code must never be
        -- redeemable as an organizer invite.
        CREATE TABLE staff_invites (
            code_hash   TEXT PRIMARY KEY,      -- sha256 of the code: the code itself is not kept
            role        TEXT NOT NULL CHECK (role IN ('petugas', 'moderator')),
            created_by  INTEGER NOT NULL,
            created_at  TEXT NOT NULL,
            expires_at  TEXT NOT NULL,
            used_by     INTEGER,
            used_at     TEXT
        );
        CREATE TABLE certificates (
            code        TEXT PRIMARY KEY,      -- the verification code, without separators
            user_id     INTEGER UNIQUE,        -- NULL once the holder erased their data
            name        TEXT NOT NULL,         -- as printed; '' once erased
            instansi    TEXT NOT NULL,
            status      TEXT NOT NULL CHECK (status IN ('issued', 'withheld', 'revoked')),
            issued_by   INTEGER,               -- an organizer issuing by hand; NULL: by the rule
            updated_at  TEXT NOT NULL
        );
        CREATE TABLE session_feedback (
            user_id     INTEGER NOT NULL,
            session_id  TEXT NOT NULL,
            stars       INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
            comment     TEXT,
            message_id  INTEGER,               -- the question, so a reply to it is the comment
            at          TEXT NOT NULL,
            PRIMARY KEY (user_id, session_id)
        );
        CREATE TABLE feedback_optout (
            user_id     INTEGER PRIMARY KEY,
            at          TEXT NOT NULL
        );
        CREATE TABLE evaluation_answers (
            user_id     INTEGER NOT NULL,
            question    TEXT NOT NULL,         -- [[evaluation.questions]] id
            answer      TEXT NOT NULL,         -- 1-5, a choice's index, free text; '' skipped
            at          TEXT NOT NULL,
            PRIMARY KEY (user_id, question)
        )
        """,
    ),
    Migration(
        9,
        "deliveries: index per user, so a delegate's pending rows are found without a scan",
        # With due_at, it also gives pending_deliveries(user) its order: without it SQLite
        # preferred walking deliveries_due through every pending row (0.2 s at 50,000).
        """
        CREATE INDEX deliveries_by_user ON deliveries (user_id, state, due_at)
        """,
    ),
    Migration(
        10,
        "reply queue: replies that could not be sent yet, kept until delivered",
        # Only a reply whose first attempt failed is written here (bot/replies.py): a reply
        # that goes through costs no write. chat_id makes /hapusdata erase a person's rows.
        """
        CREATE TABLE reply_queue (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of sending, per chat
            chat_id     INTEGER NOT NULL,
            kind        TEXT NOT NULL,         -- reply | relay (a question to an organizer)
            endpoint    TEXT NOT NULL,         -- the Bot API method, e.g. sendMessage
            payload     TEXT NOT NULL,         -- JSON: its parameters, uploads in base64
            ref         TEXT,                  -- relay: the question id, recorded once sent
            created_at  TEXT NOT NULL,         -- UTC ISO: when the reply was first tried
            expires_at  TEXT,                  -- UTC ISO; NULL: kept until delivered
            attempts    INTEGER NOT NULL DEFAULT 1,
            error       TEXT                   -- the last failure, for the log and support
        );
        CREATE INDEX reply_queue_by_chat ON reply_queue (chat_id, id)
        """,
    ),
)
