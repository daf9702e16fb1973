#include "app/store/SchemaMigrations.h"

namespace {

// Timestamps are ISO 8601 UTC text with milliseconds, so they sort and read well.
#define KEYWAY_NOW "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

const QStringList version1 {
    QStringLiteral(R"(CREATE TABLE workspaces (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL DEFAULT )" KEYWAY_NOW ")"),
    QStringLiteral(R"(CREATE TABLE members (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL DEFAULT )" KEYWAY_NOW ")"),
    QStringLiteral(R"(CREATE TABLE provider_keys (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        secret_ref TEXT NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        label TEXT NOT NULL UNIQUE COLLATE NOCASE,
        secret_hint TEXT NOT NULL DEFAULT '',
        base_url TEXT NOT NULL DEFAULT '',
        ca_file TEXT NOT NULL DEFAULT '',
        settings TEXT NOT NULL DEFAULT '{}',
        tier INTEGER NOT NULL CHECK (tier IN (0, 1, 2)),
        position INTEGER NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        workspace_id INTEGER REFERENCES workspaces(id) ON DELETE RESTRICT,
        shared_capacity INTEGER NOT NULL DEFAULT 0 CHECK (shared_capacity IN (0, 1, 2)),
        secret_missing INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT )" KEYWAY_NOW R"(,
        updated_at TEXT NOT NULL DEFAULT )" KEYWAY_NOW ")"),
    QStringLiteral("CREATE UNIQUE INDEX provider_keys_order ON provider_keys (tier, position)"),
    QStringLiteral(R"(CREATE TABLE local_api_keys (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL DEFAULT '',
        token_hash BLOB NOT NULL UNIQUE,
        token_hint TEXT NOT NULL,
        secret_ref TEXT NOT NULL UNIQUE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL DEFAULT )" KEYWAY_NOW R"(,
        last_used_at TEXT,
        revoked_at TEXT))"),
    QStringLiteral(R"(CREATE TABLE key_model_filters (
        key_id INTEGER NOT NULL REFERENCES provider_keys(id) ON DELETE CASCADE,
        pattern TEXT NOT NULL,
        PRIMARY KEY (key_id, pattern)))"),
    QStringLiteral(R"(CREATE TABLE key_member_filters (
        key_id INTEGER NOT NULL REFERENCES provider_keys(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        PRIMARY KEY (key_id, member_id)))"),
    QStringLiteral(R"(CREATE TABLE key_local_key_filters (
        key_id INTEGER NOT NULL REFERENCES provider_keys(id) ON DELETE CASCADE,
        local_key_id INTEGER NOT NULL REFERENCES local_api_keys(id) ON DELETE RESTRICT,
        PRIMARY KEY (key_id, local_key_id)))"),
    QStringLiteral("CREATE INDEX key_member_filters_member ON key_member_filters (member_id)"),
    QStringLiteral(
        "CREATE INDEX key_local_key_filters_key ON key_local_key_filters (local_key_id)"),
    QStringLiteral(R"(CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL))"),
    QStringLiteral("INSERT INTO workspaces (name) VALUES ('Personal')"),
    QStringLiteral("INSERT INTO members (name) VALUES ('me')"),
};

// The user's own models (in the catalog's JSON format) and other names for any model.
const QStringList version2 {
    QStringLiteral(R"(CREATE TABLE models (
        id TEXT PRIMARY KEY COLLATE NOCASE,
        definition TEXT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE model_aliases (
        alias TEXT PRIMARY KEY COLLATE NOCASE,
        model_id TEXT NOT NULL))"),
};

#undef KEYWAY_NOW

} // namespace

int SchemaMigrations::latestVersion()
{
    return static_cast<int>(steps().size());
}

const SqlDatabase::Migrations& SchemaMigrations::steps()
{
    static const SqlDatabase::Migrations all { version1, version2 };
    return all;
}
