#include "tests/support/ToolTraffic.h"

#include <QJsonArray>
#include <QJsonDocument>

QJsonObject ToolTraffic::bodyOf(const QByteArray& requestBody)
{
    return QJsonDocument::fromJson(requestBody).object();
}

QStringList ToolTraffic::offeredNames(const QJsonObject& body)
{
    QStringList names;
    for (const QJsonValue& tool : body["tools"].toArray()) {
        for (const QJsonValue& declaration : tool["functionDeclarations"].toArray())
            names.append(declaration["name"].toString());
        if (tool["name"].isString())
            names.append(tool["name"].toString());
        else if (tool["function"].isObject())
            names.append(tool["function"]["name"].toString());
    }
    return names;
}

QJsonObject ToolTraffic::offeredSchema(const QJsonObject& body, const QString& name)
{
    for (const QJsonValue& tool : body["tools"].toArray()) {
        for (const QJsonValue& declaration : tool["functionDeclarations"].toArray()) {
            if (declaration["name"].toString() == name) // Gemini CLI's JSON schema, or OpenAPI's
                return declaration["parametersJsonSchema"].isObject()
                    ? declaration["parametersJsonSchema"].toObject()
                    : declaration["parameters"].toObject();
        }
        if (tool["name"].toString() == name) // the Responses API's, Anthropic's
            return tool["input_schema"].isObject() ? tool["input_schema"].toObject()
                                                   : tool["parameters"].toObject();
        if (tool["function"]["name"].toString() == name) // chat completions'
            return tool["function"]["parameters"].toObject();
    }
    return {};
}

QList<ToolTraffic::Call> ToolTraffic::calls(const QJsonObject& body)
{
    QList<Call> calls;
    for (const QJsonValue& item : body["input"].toArray()) {
        const QString type = item["type"].toString();
        if (type == u"function_call" || type == u"custom_tool_call")
            calls.append({ item["call_id"].toString(), item["name"].toString() });
    }
    for (const QJsonValue& message : body["messages"].toArray()) {
        for (const QJsonValue& call : message["tool_calls"].toArray())
            calls.append({ call["id"].toString(), call["function"]["name"].toString() });
        for (const QJsonValue& block : message["content"].toArray()) {
            if (block["type"].toString() == u"tool_use")
                calls.append({ block["id"].toString(), block["name"].toString() });
        }
    }
    for (const QJsonValue& content : body["contents"].toArray()) {
        for (const QJsonValue& part : content["parts"].toArray()) {
            if (part["functionCall"].isObject())
                calls.append({ part["functionCall"]["id"].toString(),
                    part["functionCall"]["name"].toString() });
        }
    }
    return calls;
}

QStringList ToolTraffic::calledIds(const QJsonObject& body)
{
    QStringList ids;
    for (const Call& call : calls(body))
        ids.append(call.id);
    return ids;
}

QStringList ToolTraffic::calledNames(const QJsonObject& body)
{
    QStringList names;
    for (const Call& call : calls(body))
        names.append(call.name);
    return names;
}

QList<ToolTraffic::Result> ToolTraffic::results(const QJsonObject& body)
{
    QList<Result> results;
    for (const QJsonValue& item : body["input"].toArray()) {
        const QString type = item["type"].toString();
        if (type == u"function_call_output" || type == u"custom_tool_call_output")
            results.append({ item["call_id"].toString(), textOf(item["output"]) });
    }
    for (const QJsonValue& message : body["messages"].toArray()) {
        if (message["role"].toString() == u"tool")
            results.append({ message["tool_call_id"].toString(), textOf(message["content"]) });
        for (const QJsonValue& block : message["content"].toArray()) {
            if (block["type"].toString() == u"tool_result")
                results.append({ block["tool_use_id"].toString(), textOf(block["content"]) });
        }
    }
    for (const QJsonValue& content : body["contents"].toArray()) {
        for (const QJsonValue& part : content["parts"].toArray()) {
            const QJsonObject response = part["functionResponse"].toObject();
            if (!response.isEmpty()) {
                results.append({ response["id"].toString(),
                    QString::fromUtf8(QJsonDocument(response["response"].toObject())
                                          .toJson(QJsonDocument::Compact)) });
            }
        }
    }
    return results;
}

QString ToolTraffic::textOf(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue& part : content.toArray())
        text += part["text"].toString();
    return text;
}
