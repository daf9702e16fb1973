#include "app/settings/Settings.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
};

QList<Settings::Definition> builtIn()
{
    using K = Settings::Kind;
    return {
        { QStringLiteral("port"), K::Integer, QStringLiteral("4141"), 0, 65535,
            Text::tr("TCP port of the router (0: any free port, chosen at each start)") },
        { QStringLiteral("bind-address"), K::Address, QStringLiteral("127.0.0.1"), 0, 0,
            Text::tr(
                "address the router listens on; anything but loopback exposes it to the network") },
        { QStringLiteral("connect-timeout-ms"), K::Integer, QStringLiteral("10000"), 100, 600'000,
            Text::tr("time to connect to an upstream") },
        { QStringLiteral("headers-timeout-ms"), K::Integer, QStringLiteral("10000"), 100, 600'000,
            Text::tr("time from sending a chat request to the upstream's response headers, while "
                     "another key is left to try; beyond it the upstream counts as silent") },
        { QStringLiteral("first-event-timeout-ms"), K::Integer, QStringLiteral("300000"), 100,
            3'600'000,
            Text::tr("time from the response headers to the first content event (a model "
                     "thinking before its first token)") },
        { QStringLiteral("first-byte-timeout-ms"), K::Integer, QStringLiteral("60000"), 100,
            600'000,
            Text::tr("time for an answer that cannot be streamed (embeddings, token counts)") },
        { QStringLiteral("stream-idle-timeout-ms"), K::Integer, QStringLiteral("30000"), 100,
            600'000, Text::tr("longest silence inside a stream before it counts as stalled") },
        { QStringLiteral("total-deadline-ms"), K::Integer, QStringLiteral("600000"), 1000,
            3'600'000, Text::tr("time one request may take over all its attempts") },
        { QStringLiteral("attempt-budget"), K::Integer, QStringLiteral("8"), 1, 64,
            Text::tr("attempts one request may make over all keys") },
        { QStringLiteral("wait-budget-ms"), K::Integer, QStringLiteral("10000"), 0, 600'000,
            Text::tr("how long a request may wait for a cooling key to come back") },
        { QStringLiteral("log-retention-days"), K::Integer, QStringLiteral("30"), 1, 3650,
            Text::tr("days the activity log keeps requests") },
        { QStringLiteral("log-retention-mb"), K::Integer, QStringLiteral("200"), 1, 100'000,
            Text::tr("size the activity log may grow to") },
    };
}

} // namespace

const QList<Settings::Definition>& Settings::definitions()
{
    static const QList<Definition> all = builtIn();
    return all;
}

const Settings::Definition* Settings::find(const QString& name)
{
    for (const Definition& definition : definitions()) {
        if (definition.name == name)
            return &definition;
    }
    return nullptr;
}

Result<QString> Settings::check(const QString& name, const QString& value)
{
    const Definition* definition = find(name);
    if (!definition) {
        QStringList names;
        for (const Definition& d : definitions())
            names.append(d.name);
        return invalidInput(Text::tr("Unknown setting \"%1\". Known settings: %2.")
                                .arg(name, names.join(QStringLiteral(", "))));
    }
    const QString trimmed = value.trimmed();
    if (definition->kind == Kind::Address) {
        const QHostAddress address(trimmed);
        if (address.isNull())
            return invalidInput(
                Text::tr("\"%1\" is not an IP address such as 127.0.0.1 or ::1.").arg(trimmed));
        return address.toString();
    }
    bool ok = false;
    const qint64 number = trimmed.toLongLong(&ok);
    if (!ok || number < definition->minimum || number > definition->maximum) {
        return invalidInput(Text::tr("%1 takes a whole number from %2 to %3.")
                                .arg(name, QString::number(definition->minimum),
                                    QString::number(definition->maximum)));
    }
    return QString::number(number);
}

QHash<QString, QString> Settings::effective(const QHash<QString, QString>& stored)
{
    QHash<QString, QString> values;
    for (const Definition& definition : definitions())
        values.insert(definition.name, stored.value(definition.name, definition.defaultValue));
    return values;
}

RouterSettings Settings::routerSettings(const QHash<QString, QString>& effective)
{
    const auto ms = [&effective](const char* name) {
        return std::chrono::milliseconds(effective.value(QLatin1StringView(name)).toLongLong());
    };
    RouterSettings settings;
    settings.connectTimeout = ms("connect-timeout-ms");
    settings.headersTimeout = ms("headers-timeout-ms");
    settings.firstEventTimeout = ms("first-event-timeout-ms");
    settings.firstByteTimeout = ms("first-byte-timeout-ms");
    settings.streamIdleTimeout = ms("stream-idle-timeout-ms");
    settings.deadline = ms("total-deadline-ms");
    settings.attemptBudget = effective.value(QStringLiteral("attempt-budget")).toInt();
    settings.waitBudget = ms("wait-budget-ms");
    return settings;
}

ActivityArchive::Retention Settings::retention(const QHash<QString, QString>& effective)
{
    return { effective.value(QStringLiteral("log-retention-days")).toInt(),
        effective.value(QStringLiteral("log-retention-mb")).toLongLong() };
}
