#include "router/translate/AnthropicAnswerAssembler.h"

#include <QJsonDocument>

namespace {

void appendText(QJsonObject& block, const QString& field, const QJsonValue& piece)
{
    block.insert(field, QString(block.value(field).toString() + piece.toString()));
}

} // namespace

void AnthropicAnswerAssembler::take(const QJsonObject& event, const QByteArray& /*eventType*/)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    const int index = event.value(QStringLiteral("index")).toInt();
    if (type == u"message_start") {
        m_message = event.value(QStringLiteral("message")).toObject();
    } else if (type == u"content_block_start") {
        m_blocks.insert(index, event.value(QStringLiteral("content_block")).toObject());
    } else if (type == u"content_block_delta") {
        applyDelta(index, event.value(QStringLiteral("delta")).toObject());
    } else if (type == u"content_block_stop") {
        finishBlock(index);
    } else if (type == u"message_delta") {
        const QJsonObject delta = event.value(QStringLiteral("delta")).toObject();
        for (auto it = delta.begin(); it != delta.end(); ++it)
            m_message.insert(it.key(), it.value());
        QJsonObject usage = m_message.value(QStringLiteral("usage")).toObject();
        const QJsonObject more = event.value(QStringLiteral("usage")).toObject();
        for (auto it = more.begin(); it != more.end(); ++it) {
            if (!it.value().isNull())
                usage.insert(it.key(), it.value());
        }
        m_message.insert(QStringLiteral("usage"), usage);
    }
}

void AnthropicAnswerAssembler::applyDelta(int index, const QJsonObject& delta)
{
    QJsonObject& block = m_blocks[index];
    const QString type = delta.value(QStringLiteral("type")).toString();
    if (type == u"text_delta")
        appendText(block, QStringLiteral("text"), delta.value(QStringLiteral("text")));
    else if (type == u"thinking_delta")
        appendText(block, QStringLiteral("thinking"), delta.value(QStringLiteral("thinking")));
    else if (type == u"signature_delta")
        appendText(block, QStringLiteral("signature"), delta.value(QStringLiteral("signature")));
    else if (type == u"input_json_delta")
        m_toolInput[index] += delta.value(QStringLiteral("partial_json")).toString();
    else if (type == u"citations_delta") {
        QJsonArray citations = block.value(QStringLiteral("citations")).toArray();
        citations.append(delta.value(QStringLiteral("citation")));
        block.insert(QStringLiteral("citations"), citations);
    }
}

void AnthropicAnswerAssembler::finishBlock(int index)
{
    const auto input = m_toolInput.constFind(index);
    if (input == m_toolInput.cend() || input->isEmpty())
        return; // a tool called without arguments keeps the {} of its start event
    const QJsonDocument parsed = QJsonDocument::fromJson(input->toUtf8());
    if (!parsed.isObject()) {
        m_broken = true;
        return;
    }
    m_blocks[index].insert(QStringLiteral("input"), parsed.object());
}

std::optional<QJsonObject> AnthropicAnswerAssembler::assembled() const
{
    if (m_broken || !m_message.contains(QStringLiteral("id")))
        return std::nullopt;
    QJsonArray content;
    for (const QJsonObject& block : m_blocks)
        content.append(block);
    QJsonObject message = m_message;
    message.insert(QStringLiteral("content"), content);
    return message;
}
