#include "router/translate/OpenAiToAnthropic.h"

#include "router/translate/AnthropicSampling.h"
#include "router/translate/ContentText.h"
#include "router/translate/DroppedFields.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(OpenAiToAnthropic)
};

// The blocks of one OpenAI message's content.
Result<QJsonArray> contentBlocks(const QJsonValue& content)
{
    QJsonArray blocks;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            blocks.append(anthropicTextBlock(content.toString()));
        return blocks;
    }
    for (const QJsonValue& value : content.toArray()) {
        const QJsonObject part = value.toObject();
        const QString type = part.value(QStringLiteral("type")).toString();
        if (type == u"text") {
            blocks.append(anthropicTextBlock(part.value(QStringLiteral("text")).toString()));
        } else if (type == u"image_url") {
            const std::optional<QJsonObject> image = anthropicImageBlock(
                part.value(QStringLiteral("image_url"))[QStringLiteral("url")].toString());
            if (!image) {
                return unsupported(
                    Text::tr("An image must be a data: URL with base64 content or "
                             "a web address to reach an Anthropic-format provider."));
            }
            blocks.append(*image);
        } else {
            return unsupported(
                Text::tr("A \"%1\" part cannot be sent to an Anthropic-format provider.")
                    .arg(type));
        }
    }
    return blocks;
}

Result<QJsonArray> toolUseBlocks(const QJsonArray& toolCalls)
{
    QJsonArray blocks;
    for (const QJsonValue& value : toolCalls) {
        const QJsonObject call = value.toObject();
        const QJsonObject function = call.value(QStringLiteral("function")).toObject();
        QJsonParseError parseError {};
        const QString arguments = function.value(QStringLiteral("arguments")).toString();
        const QJsonDocument input = QJsonDocument::fromJson(
            arguments.isEmpty() ? QByteArrayLiteral("{}") : arguments.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !input.isObject()) {
            return invalidInput(Text::tr("The arguments of tool call %1 are not a JSON object.")
                                    .arg(call.value(QStringLiteral("id")).toString()));
        }
        blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
            { QStringLiteral("id"), call.value(QStringLiteral("id")) },
            { QStringLiteral("name"), function.value(QStringLiteral("name")) },
            { QStringLiteral("input"), input.object() } });
    }
    return blocks;
}

QJsonObject toolChoice(const QJsonValue& choice, bool parallel)
{
    QJsonObject anthropic { { QStringLiteral("type"), QStringLiteral("auto") } };
    if (choice.isString()) {
        if (choice.toString() == u"required")
            anthropic.insert(QStringLiteral("type"), QStringLiteral("any"));
        else if (choice.toString() == u"none")
            anthropic.insert(QStringLiteral("type"), QStringLiteral("none"));
    } else if (choice.isObject()) {
        anthropic = { { QStringLiteral("type"), QStringLiteral("tool") },
            { QStringLiteral("name"),
                choice.toObject()
                    .value(QStringLiteral("function"))
                    .toObject()
                    .value(QStringLiteral("name")) } };
    }
    if (!parallel)
        anthropic.insert(QStringLiteral("disable_parallel_tool_use"), true);
    return anthropic;
}

} // namespace

Result<OpenAiToAnthropic::Request> OpenAiToAnthropic::request(const QJsonObject& openAi)
{
    if (openAi.value(QStringLiteral("n")).toInt(1) > 1)
        return unsupported(
            Text::tr("Anthropic-format providers give one answer per request (n = 1)."));
    QStringList system;
    QJsonArray turns;
    for (const QJsonValue& value : openAi.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        const QString role = message.value(QStringLiteral("role")).toString();
        const QJsonValue content = message.value(QStringLiteral("content"));
        if (role == u"system" || role == u"developer") {
            system.append(contentText(content));
        } else if (role == u"tool") {
            appendAnthropicTurn(turns, QStringLiteral("user"),
                { QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_result") },
                    { QStringLiteral("tool_use_id"),
                        message.value(QStringLiteral("tool_call_id")) },
                    { QStringLiteral("content"), contentText(content) } } });
        } else {
            Result<QJsonArray> blocks = contentBlocks(content);
            if (!blocks)
                return blocks.failure();
            if (role == u"assistant") {
                const auto uses
                    = toolUseBlocks(message.value(QStringLiteral("tool_calls")).toArray());
                if (!uses)
                    return uses.failure();
                for (const QJsonValue& use : *uses)
                    blocks->append(use);
            }
            appendAnthropicTurn(
                turns, role == u"assistant" ? role : QStringLiteral("user"), *blocks);
        }
    }
    const QJsonValue maxTokens = openAi.contains(QStringLiteral("max_completion_tokens"))
        ? openAi.value(QStringLiteral("max_completion_tokens"))
        : openAi.value(QStringLiteral("max_tokens"));
    QJsonObject body { { QStringLiteral("messages"), turns },
        { QStringLiteral("max_tokens"),
            maxTokens.isDouble() ? maxTokens : QJsonValue(defaultMaxTokens) } };
    if (!system.isEmpty())
        body.insert(QStringLiteral("system"), system.join(u'\n'));
    // OpenAI's temperature goes to 2, Anthropic's to 1.
    if (const QJsonValue temperature = openAi.value(QStringLiteral("temperature"));
        temperature.isDouble())
        body.insert(QStringLiteral("temperature"), std::min(1.0, temperature.toDouble()));
    if (const QJsonValue topP = openAi.value(QStringLiteral("top_p")); topP.isDouble())
        body.insert(QStringLiteral("top_p"), topP);
    if (const QJsonValue stop = openAi.value(QStringLiteral("stop")); stop.isString())
        body.insert(QStringLiteral("stop_sequences"), QJsonArray { stop });
    else if (stop.isArray())
        body.insert(QStringLiteral("stop_sequences"), stop);
    if (openAi.value(QStringLiteral("stream")).toBool())
        body.insert(QStringLiteral("stream"), true);
    QJsonArray tools;
    for (const QJsonValue& value : openAi.value(QStringLiteral("tools")).toArray()) {
        const QJsonObject function = value.toObject().value(QStringLiteral("function")).toObject();
        QJsonObject tool { { QStringLiteral("name"), function.value(QStringLiteral("name")) },
            { QStringLiteral("input_schema"),
                function.value(QStringLiteral("parameters"))
                    .toObject({ { QStringLiteral("type"), QStringLiteral("object") } }) } };
        if (function.contains(QStringLiteral("description")))
            tool.insert(
                QStringLiteral("description"), function.value(QStringLiteral("description")));
        tools.append(tool);
    }
    if (!tools.isEmpty()) {
        body.insert(QStringLiteral("tools"), tools);
        const QJsonValue choice = openAi.value(QStringLiteral("tool_choice"));
        const bool parallel = openAi.value(QStringLiteral("parallel_tool_calls")).toBool(true);
        if (!choice.isUndefined() || !parallel)
            body.insert(QStringLiteral("tool_choice"), toolChoice(choice, parallel));
    }
    if (const QString user = openAi.value(QStringLiteral("user")).toString(); !user.isEmpty())
        body.insert(
            QStringLiteral("metadata"), QJsonObject { { QStringLiteral("user_id"), user } });
    // OpenAI-only request fields without an Anthropic equivalent: left out and recorded.
    DroppedFields dropped;
    dropped.addPresent(openAi,
        { "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "seed",
            "response_format", "reasoning_effort", "modalities", "audio", "prediction", "store",
            "service_tier", "web_search_options" });
    AnthropicSampling::keepOneOf(body, QStringLiteral("top_p"), dropped);
    return Request { body, dropped.list() };
}

QString OpenAiToAnthropic::finishReason(const QString& stopReason)
{
    if (stopReason == u"max_tokens" || stopReason == u"model_context_window_exceeded")
        return QStringLiteral("length");
    if (stopReason == u"tool_use")
        return QStringLiteral("tool_calls");
    if (stopReason == u"refusal")
        return QStringLiteral("content_filter");
    return QStringLiteral("stop");
}

QJsonObject OpenAiToAnthropic::usage(qint64 prompt, qint64 completion, qint64 cached)
{
    return { { QStringLiteral("prompt_tokens"), prompt },
        { QStringLiteral("completion_tokens"), completion },
        { QStringLiteral("total_tokens"), prompt + completion },
        { QStringLiteral("prompt_tokens_details"),
            QJsonObject { { QStringLiteral("cached_tokens"), cached } } } };
}

std::optional<QByteArray> OpenAiToAnthropic::answer(const QByteArray& anthropicBody)
{
    const QJsonObject root = QJsonDocument::fromJson(anthropicBody).object();
    if (root.value(QStringLiteral("type")).toString() != u"message")
        return std::nullopt;
    QStringList text;
    QStringList reasoning;
    QJsonArray toolCalls;
    for (const QJsonValue& value : root.value(QStringLiteral("content")).toArray()) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(QStringLiteral("type")).toString();
        if (type == u"text") {
            text.append(block.value(QStringLiteral("text")).toString());
        } else if (type == u"thinking") {
            reasoning.append(block.value(QStringLiteral("thinking")).toString());
        } else if (type == u"tool_use") {
            toolCalls.append(openAiToolCall(block));
        }
    }
    QJsonObject message { { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("content"),
            text.isEmpty() ? QJsonValue() : QJsonValue(text.join(QString())) } };
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCalls);
    if (!reasoning.isEmpty())
        message.insert(QStringLiteral("reasoning"), reasoning.join(u'\n')); // OpenRouter's field
    const QJsonObject anthropicUsage = root.value(QStringLiteral("usage")).toObject();
    const qint64 cached
        = anthropicUsage.value(QStringLiteral("cache_read_input_tokens")).toInteger();
    const qint64 prompt = anthropicUsage.value(QStringLiteral("input_tokens")).toInteger() + cached
        + anthropicUsage.value(QStringLiteral("cache_creation_input_tokens")).toInteger();
    const QJsonObject completion {
        { QStringLiteral("id"),
            QString(QStringLiteral("chatcmpl-") + root.value(QStringLiteral("id")).toString()) },
        { QStringLiteral("object"), QStringLiteral("chat.completion") },
        { QStringLiteral("created"), QDateTime::currentSecsSinceEpoch() },
        { QStringLiteral("model"), root.value(QStringLiteral("model")) },
        { QStringLiteral("choices"),
            QJsonArray { QJsonObject { { QStringLiteral("index"), 0 },
                { QStringLiteral("message"), message },
                { QStringLiteral("finish_reason"),
                    finishReason(root.value(QStringLiteral("stop_reason")).toString()) } } } },
        { QStringLiteral("usage"),
            usage(
                prompt, anthropicUsage.value(QStringLiteral("output_tokens")).toInteger(), cached) }
    };
    return QJsonDocument(completion).toJson(QJsonDocument::Compact);
}

QByteArray OpenAiToAnthropic::error(const QByteArray& anthropicBody)
{
    const QJsonObject error
        = QJsonDocument::fromJson(anthropicBody).object().value(QStringLiteral("error")).toObject();
    const QString message = error.isEmpty()
        ? QString::fromUtf8(anthropicBody.left(200)).simplified()
        : error.value(QStringLiteral("message")).toString();
    const QJsonObject translated { { QStringLiteral("error"),
        QJsonObject { { QStringLiteral("message"), message },
            { QStringLiteral("type"),
                error.value(QStringLiteral("type"))
                    .toString(QStringLiteral("invalid_request_error")) },
            { QStringLiteral("code"), QJsonValue() } } } };
    return QJsonDocument(translated).toJson(QJsonDocument::Compact);
}
