#pragma once

#include "router/inbound/ClientCall.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Reasoning state is bound to the provider account that made it: another account refuses
// Anthropic's thinking signatures (and redacted thinking) and the Responses API's encrypted
// reasoning with a 400. Keyway seals each such state it hands a client with the key that made it
// ("kw1.<key id>.<state>", still an opaque string to the client), and opens it when the
// conversation comes back: for that key, as the provider made it; for any other key, the block
// or item is left out and the drop recorded, so that a failover never becomes a 400. State a
// client got elsewhere, unsealed, goes on as it came.
//
// Thinking left out is not turned into text: it would then read as the model's answer, and
// both APIs drop the reasoning of earlier turns from the context anyway.
class ReasoningSeal
{
public:
    static QString seal(qint64 keyId, const QString& state);
    // The state as the key made it; nothing when another key sealed it. Unsealed state as it is.
    static std::optional<QString> open(const QString& state, qint64 keyId);

    // Seals the reasoning state in one event of an Anthropic or Responses stream (its data);
    // false when the event holds none.
    static bool sealEvent(ClientProtocol protocol, QJsonObject& data, qint64 keyId);
    // Opens the reasoning state of a call's conversation for the key it goes to, leaving out
    // what belongs to another; what was left out, for the attempt's record.
    static QStringList openCall(ClientCall& call, qint64 keyId);
};
