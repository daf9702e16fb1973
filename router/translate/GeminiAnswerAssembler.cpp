#include "router/translate/GeminiAnswerAssembler.h"

#include "router/translate/GeminiSseReader.h"

#include <QJsonArray>

namespace {

bool isText(const QJsonObject& part)
{
    return part.value(QStringLiteral("text")).isString();
}

bool isThought(const QJsonObject& part)
{
    return part.value(QStringLiteral("thought")).toBool();
}

// Whether `part` goes on the text of `last`: both text of one kind, and not both signed — the
// signature, often on an empty text part at the end, belongs to the run of text it ends, but
// two of them cannot share one part.
bool continues(const QJsonObject& last, const QJsonObject& part)
{
    const QString signature = QStringLiteral("thoughtSignature");
    return isText(last) && isText(part) && isThought(last) == isThought(part)
        && !(last.contains(signature) && part.contains(signature));
}

} // namespace

void GeminiAnswerAssembler::take(const QJsonObject& chunk, const QByteArray& /*eventType*/)
{
    if (chunk.value(QStringLiteral("error")).isObject()) {
        m_failed = true;
        return;
    }
    for (auto it = chunk.begin(); it != chunk.end(); ++it) {
        if (it.key() != u"candidates" && !it.value().isNull())
            m_top.insert(it.key(), it.value());
    }
    if (chunk.value(QStringLiteral("candidates")).isArray())
        takeCandidate(GeminiSseReader::candidateOf(chunk));
}

void GeminiAnswerAssembler::takeCandidate(const QJsonObject& candidate)
{
    for (auto it = candidate.begin(); it != candidate.end(); ++it) {
        if (it.key() != u"content" && it.key() != u"index" && !it.value().isNull())
            m_candidate.insert(it.key(), it.value());
    }
    for (const QJsonValue& part : GeminiSseReader::partsOf(candidate))
        takePart(part.toObject());
}

void GeminiAnswerAssembler::takePart(const QJsonObject& part)
{
    if (m_parts.isEmpty() || !continues(m_parts.last(), part)) {
        m_parts.append(part);
        return;
    }
    QJsonObject& joined = m_parts.last();
    joined.insert(QStringLiteral("text"),
        QString(joined.value(QStringLiteral("text")).toString()
            + part.value(QStringLiteral("text")).toString()));
    if (const QJsonValue signature = part.value(QStringLiteral("thoughtSignature"));
        !signature.isUndefined())
        joined.insert(QStringLiteral("thoughtSignature"), signature);
}

std::optional<QJsonObject> GeminiAnswerAssembler::assembled() const
{
    if (m_failed || m_candidate.value(QStringLiteral("finishReason")).toString().isEmpty())
        return std::nullopt;
    QJsonObject content { { QStringLiteral("role"), QStringLiteral("model") } };
    if (!m_parts.isEmpty()) { // Google sends no parts rather than an empty list
        QJsonArray parts;
        for (const QJsonObject& part : m_parts)
            parts.append(part);
        content.insert(QStringLiteral("parts"), parts);
    }
    QJsonObject candidate = m_candidate;
    candidate.insert(QStringLiteral("content"), content);
    candidate.insert(QStringLiteral("index"), 0);
    QJsonObject answer = m_top;
    answer.insert(QStringLiteral("candidates"), QJsonArray { candidate });
    return answer;
}
