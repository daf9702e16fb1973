#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What a request the fake provider received says about tools, in whichever wire it came: the
// Responses API's, chat completions', Anthropic's Messages or Gemini's. What a coding agent's
// tests check of its tool loop: the tools offered, the calls the history says the model made,
// and the results the client sent back.
//
//   const QJsonObject second = ToolTraffic::bodyOf(harness.fake().attempts().at(1));
//   QCOMPARE(ToolTraffic::results(second).first().callId, QStringLiteral("toolu_fake1"));
class ToolTraffic
{
public:
    struct Result
    {
        QString callId;
        QString output; // its text, or a Gemini functionResponse's response as JSON
    };

    static QJsonObject bodyOf(const QByteArray& requestBody);

    static QStringList offeredNames(const QJsonObject& body);
    // The JSON schema of the offered tool `name`'s parameters; empty when it is not offered.
    static QJsonObject offeredSchema(const QJsonObject& body, const QString& name);

    // The ids of the calls the conversation says the model made, in order (Gemini's calls
    // carry one only when the provider or the client gave it).
    static QStringList calledIds(const QJsonObject& body);
    static QStringList calledNames(const QJsonObject& body);
    // The results of tool calls the request carries back: function_call_output and
    // custom_tool_call_output items, tool messages, tool_result blocks, functionResponse parts.
    static QList<Result> results(const QJsonObject& body);

private:
    struct Call
    {
        QString id;
        QString name;
    };
    static QList<Call> calls(const QJsonObject& body);
    // A result's content as text: a string, or its parts' text.
    static QString textOf(const QJsonValue& content);
};
