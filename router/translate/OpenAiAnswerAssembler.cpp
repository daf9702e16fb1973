#include "router/translate/OpenAiAnswerAssembler.h"

namespace {

// A string in a delta is a piece of the whole; anything else stands for itself.
void appendOrSet(QJsonObject& into, const QString& name, const QJsonValue& value)
{
    if (value.isNull())
        return;
    if (value.isString() && into.value(name).isString())
        into.insert(name, QString(into.value(name).toString() + value.toString()));
    else if (value.isArray() && into.value(name).isArray()) {
        QJsonArray joined = into.value(name).toArray();
        for (const QJsonValue& item : value.toArray())
            joined.append(item);
        into.insert(name, joined);
    } else
        into.insert(name, value);
}

} // namespace

void OpenAiAnswerAssembler::take(const QJsonObject& chunk, const QByteArray& /*eventType*/)
{
    for (auto it = chunk.begin(); it != chunk.end(); ++it) {
        if (it.key() != u"choices" && it.key() != u"usage" && it.key() != u"object"
            && !it.value().isNull())
            m_top.insert(it.key(), it.value());
    }
    if (chunk.value(QStringLiteral("usage")).isObject())
        m_usage = chunk.value(QStringLiteral("usage"));
    for (const QJsonValue& value : chunk.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject choice = value.toObject();
        Choice& into = m_choices[choice.value(QStringLiteral("index")).toInt()];
        mergeDelta(into, choice.value(QStringLiteral("delta")).toObject());
        appendArrays(into.logprobs, choice.value(QStringLiteral("logprobs")).toObject());
        if (const QJsonValue reason = choice.value(QStringLiteral("finish_reason"));
            !reason.isNull() && !reason.isUndefined())
            into.finishReason = reason;
    }
}

void OpenAiAnswerAssembler::mergeDelta(Choice& choice, const QJsonObject& delta)
{
    for (auto it = delta.begin(); it != delta.end(); ++it) {
        if (it.key() != u"tool_calls") {
            appendOrSet(choice.message, it.key(), it.value());
            continue;
        }
        for (const QJsonValue& call : it.value().toArray()) {
            const QJsonObject callDelta = call.toObject();
            mergeToolCall(
                choice.toolCalls[callDelta.value(QStringLiteral("index")).toInt()], callDelta);
        }
    }
}

void OpenAiAnswerAssembler::mergeToolCall(QJsonObject& call, const QJsonObject& delta)
{
    for (auto it = delta.begin(); it != delta.end(); ++it) {
        if (it.key() == u"index")
            continue;
        if (it.key() != u"function") {
            if (!it.value().isNull())
                call.insert(it.key(), it.value());
            continue;
        }
        QJsonObject function = call.value(QStringLiteral("function")).toObject();
        const QJsonObject piece = it.value().toObject();
        if (piece.contains(QStringLiteral("name")) && !piece.value(QStringLiteral("name")).isNull())
            function.insert(QStringLiteral("name"), piece.value(QStringLiteral("name")));
        const QString arguments = function.value(QStringLiteral("arguments")).toString()
            + piece.value(QStringLiteral("arguments")).toString();
        function.insert(QStringLiteral("arguments"), arguments);
        call.insert(QStringLiteral("function"), function);
    }
}

void OpenAiAnswerAssembler::appendArrays(QJsonObject& into, const QJsonObject& from)
{
    for (auto it = from.begin(); it != from.end(); ++it)
        appendOrSet(into, it.key(), it.value());
}

std::optional<QJsonObject> OpenAiAnswerAssembler::assembled() const
{
    if (m_choices.isEmpty() || !m_top.contains(QStringLiteral("id")))
        return std::nullopt;
    QJsonArray choices;
    for (auto it = m_choices.begin(); it != m_choices.end(); ++it) {
        QJsonObject message = it->message;
        message.insert(QStringLiteral("role"), QStringLiteral("assistant"));
        if (!message.contains(QStringLiteral("content")))
            message.insert(QStringLiteral("content"), QJsonValue::Null);
        if (!it->toolCalls.isEmpty()) {
            QJsonArray calls;
            for (const QJsonObject& call : it->toolCalls)
                calls.append(call);
            message.insert(QStringLiteral("tool_calls"), calls);
        }
        choices.append(QJsonObject { { QStringLiteral("index"), it.key() },
            { QStringLiteral("message"), message },
            { QStringLiteral("logprobs"),
                it->logprobs.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(it->logprobs) },
            { QStringLiteral("finish_reason"), it->finishReason } });
    }
    QJsonObject answer = m_top;
    answer.insert(QStringLiteral("object"), QStringLiteral("chat.completion"));
    answer.insert(QStringLiteral("choices"), choices);
    if (m_usage.isObject())
        answer.insert(QStringLiteral("usage"), m_usage);
    return answer;
}
