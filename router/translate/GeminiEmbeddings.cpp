#include "router/translate/GeminiEmbeddings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Router)
};

// The text of one content: its parts' text joined; nothing when a part is not text.
std::optional<QString> contentText(const QJsonObject& content)
{
    QStringList texts;
    for (const QJsonValue& part : content.value(QStringLiteral("parts")).toArray()) {
        const QJsonValue text = part.toObject().value(QStringLiteral("text"));
        if (!text.isString())
            return std::nullopt;
        texts.append(text.toString());
    }
    return texts.join(u'\n');
}

QJsonValue dimensionsOf(const QJsonObject& request)
{
    for (const char* name : { "outputDimensionality", "output_dimensionality" }) {
        if (const QJsonValue value = request.value(QLatin1StringView(name)); value.isDouble())
            return value;
    }
    return {};
}

} // namespace

Result<GeminiEmbeddings::Request> GeminiEmbeddings::request(const QJsonObject& gemini)
{
    const QJsonArray requests = isBatch(gemini) ? gemini.value(QStringLiteral("requests")).toArray()
                                                : QJsonArray { gemini };
    Request translated;
    QJsonArray inputs;
    for (const QJsonValue& value : requests) {
        const QJsonObject one = value.toObject();
        const std::optional<QString> text
            = contentText(one.value(QStringLiteral("content")).toObject());
        if (!text)
            return unsupported(Text::tr("Only text can be embedded by OpenAI-format keys"));
        inputs.append(*text);
        for (const char* ignored : { "taskType", "task_type", "title" }) {
            const QString field = QLatin1StringView(ignored);
            if (one.contains(field) && !translated.droppedFields.contains(field))
                translated.droppedFields.append(field);
        }
    }
    translated.body.insert(QStringLiteral("input"), inputs);
    if (const QJsonValue dimensions = dimensionsOf(requests.first().toObject());
        !dimensions.isUndefined())
        translated.body.insert(QStringLiteral("dimensions"), dimensions);
    return translated;
}

std::optional<QByteArray> GeminiEmbeddings::answer(const QByteArray& openAiBody, bool batch)
{
    const QJsonArray data
        = QJsonDocument::fromJson(openAiBody).object().value(QStringLiteral("data")).toArray();
    QJsonArray embeddings;
    for (const QJsonValue& entry : data) {
        const QJsonValue values = entry.toObject().value(QStringLiteral("embedding"));
        if (!values.isArray())
            return std::nullopt; // base64 embeddings are never asked for
        embeddings.append(QJsonObject { { QStringLiteral("values"), values } });
    }
    if (embeddings.isEmpty())
        return std::nullopt;
    const QJsonObject answer = batch
        ? QJsonObject { { QStringLiteral("embeddings"), embeddings } }
        : QJsonObject { { QStringLiteral("embedding"), embeddings.first() } };
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}
