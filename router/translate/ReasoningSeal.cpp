#include "router/translate/ReasoningSeal.h"

#include <QJsonArray>

namespace {

const QString prefix = QStringLiteral("kw1.");

// Seals one string field of an object, when it is there and not empty.
bool sealField(QJsonObject& object, const QString& field, qint64 keyId)
{
    const QString state = object.value(field).toString();
    if (state.isEmpty() || state.startsWith(prefix))
        return false;
    object.insert(field, ReasoningSeal::seal(keyId, state));
    return true;
}

// The field that holds an Anthropic block's account-bound state, if the block has one.
QString anthropicStateField(const QJsonObject& block)
{
    const QString type = block.value(QStringLiteral("type")).toString();
    if (type == u"thinking")
        return QStringLiteral("signature");
    if (type == u"redacted_thinking")
        return QStringLiteral("data");
    return {};
}

bool sealAnthropicEvent(QJsonObject& data, qint64 keyId)
{
    for (const QString& container : { QStringLiteral("content_block"), QStringLiteral("delta") }) {
        QJsonObject block = data.value(container).toObject();
        const QString field = block.value(QStringLiteral("type")).toString() == u"signature_delta"
            ? QStringLiteral("signature")
            : anthropicStateField(block);
        if (!field.isEmpty() && sealField(block, field, keyId)) {
            data.insert(container, block);
            return true;
        }
    }
    return false;
}

bool sealReasoningItem(QJsonObject& item, qint64 keyId)
{
    return item.value(QStringLiteral("type")).toString() == u"reasoning"
        && sealField(item, QStringLiteral("encrypted_content"), keyId);
}

// output_item.added/done carry an item; the terminal events the whole response.
bool sealResponsesEvent(QJsonObject& data, qint64 keyId)
{
    QJsonObject item = data.value(QStringLiteral("item")).toObject();
    if (sealReasoningItem(item, keyId)) {
        data.insert(QStringLiteral("item"), item);
        return true;
    }
    QJsonObject response = data.value(QStringLiteral("response")).toObject();
    QJsonArray output = response.value(QStringLiteral("output")).toArray();
    bool sealed = false;
    for (qsizetype i = 0; i < output.size(); ++i) {
        QJsonObject entry = output.at(i).toObject();
        if (sealReasoningItem(entry, keyId)) {
            output.replace(i, entry);
            sealed = true;
        }
    }
    if (sealed) {
        response.insert(QStringLiteral("output"), output);
        data.insert(QStringLiteral("response"), response);
    }
    return sealed;
}

// An assistant turn's blocks with their thinking opened for the key; nothing when no block
// holds sealed state. `lost` counts the blocks another key made, which are left out.
std::optional<QJsonArray> openedBlocks(const QJsonArray& blocks, qint64 keyId, int* lost)
{
    QJsonArray kept;
    bool sealed = false;
    for (const QJsonValue& value : blocks) {
        QJsonObject block = value.toObject();
        const QString field = anthropicStateField(block);
        const QString state = block.value(field).toString();
        if (!field.isEmpty() && state.startsWith(prefix)) {
            sealed = true;
            const std::optional<QString> opened = ReasoningSeal::open(state, keyId);
            if (!opened) {
                ++*lost;
                continue;
            }
            block.insert(field, *opened);
        }
        kept.append(block);
    }
    if (!sealed)
        return std::nullopt;
    return kept;
}

// Opens an Anthropic conversation's thinking: another account's blocks are left out, and
// thinking is turned off when the last assistant turn lost its own (Anthropic refuses a turn
// that calls tools without the thinking that led to it, when thinking is on).
QStringList openAnthropic(QJsonObject& body, qint64 keyId)
{
    QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    int dropped = 0;
    bool lastTurnLost = false;
    bool changed = false;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        QJsonObject message = messages.at(i).toObject();
        if (message.value(QStringLiteral("role")).toString() != u"assistant")
            continue;
        const int before = dropped;
        const std::optional<QJsonArray> blocks
            = openedBlocks(message.value(QStringLiteral("content")).toArray(), keyId, &dropped);
        lastTurnLost = dropped > before;
        if (!blocks)
            continue;
        message.insert(QStringLiteral("content"), *blocks);
        messages.replace(i, message);
        changed = true;
    }
    if (!changed)
        return {};
    body.insert(QStringLiteral("messages"), messages);
    QStringList recorded;
    if (dropped > 0)
        recorded.append(QStringLiteral("messages[].content.thinking (made by another key)"));
    if (lastTurnLost && body.contains(QStringLiteral("thinking"))) {
        body.remove(QStringLiteral("thinking"));
        recorded.append(QStringLiteral("thinking (the last turn's was made by another key)"));
    }
    return recorded;
}

// Opens a Responses conversation's reasoning items: another account's are left out.
QStringList openResponses(QJsonObject& body, qint64 keyId)
{
    const QJsonValue input = body.value(QStringLiteral("input"));
    if (!input.isArray())
        return {};
    QJsonArray kept;
    int dropped = 0;
    bool sealed = false;
    const QString field = QStringLiteral("encrypted_content");
    for (const QJsonValue& value : input.toArray()) {
        QJsonObject item = value.toObject();
        const QString state = item.value(field).toString();
        if (item.value(QStringLiteral("type")).toString() == u"reasoning"
            && state.startsWith(prefix)) {
            sealed = true;
            const std::optional<QString> opened = ReasoningSeal::open(state, keyId);
            if (!opened) {
                ++dropped;
                continue;
            }
            item.insert(field, *opened);
        }
        kept.append(item);
    }
    if (!sealed)
        return {};
    body.insert(QStringLiteral("input"), kept);
    if (dropped == 0)
        return {};
    return { QStringLiteral("input.reasoning (made by another key)") };
}

} // namespace

QString ReasoningSeal::seal(qint64 keyId, const QString& state)
{
    return prefix + QString::number(keyId) + u'.' + state;
}

std::optional<QString> ReasoningSeal::open(const QString& state, qint64 keyId)
{
    if (!state.startsWith(prefix))
        return state;
    const qsizetype dot = state.indexOf(u'.', prefix.size());
    bool number = false;
    const qint64 owner = state.mid(prefix.size(), dot - prefix.size()).toLongLong(&number);
    if (dot < 0 || !number || owner != keyId)
        return std::nullopt;
    return state.mid(dot + 1);
}

bool ReasoningSeal::sealEvent(ClientProtocol protocol, QJsonObject& data, qint64 keyId)
{
    if (protocol == ClientProtocol::Anthropic)
        return sealAnthropicEvent(data, keyId);
    if (protocol == ClientProtocol::Responses)
        return sealResponsesEvent(data, keyId);
    return false;
}

QStringList ReasoningSeal::openCall(ClientCall& call, qint64 keyId)
{
    if (call.protocol == ClientProtocol::Anthropic)
        return openAnthropic(call.body, keyId);
    if (call.protocol == ClientProtocol::Responses)
        return openResponses(call.body, keyId);
    return {};
}
