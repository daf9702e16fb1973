#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The call a fake provider's Behaviour::ToolCall answer makes, in every wire format: by default
// get_weather({"city": "Paris"}), which the tests written before it was scriptable expect.
//
//   fake.script("key", {}, { .behaviour = FakeProvider::Behaviour::ToolCall,
//       .call = FakeToolCall::function("exec_command", { { "cmd", "ls" } }) }, 1);
//   fake.script("key", {}, { .behaviour = FakeProvider::Behaviour::ToolCall,
//       .call = FakeToolCall::customTool("apply_patch", "*** Begin Patch\n...") }, 1);
struct FakeToolCall
{
    QString name = QStringLiteral("get_weather");
    QJsonObject arguments { { "city", "Paris" } };
    // The Responses API only: a custom (freeform) tool call whose raw `input` is this text, as
    // Codex's apply_patch is answered. The other wires have no such tools and call
    // name(arguments): script the arguments the router's translation of the tool expects.
    bool custom = false;
    QString input {};

    static FakeToolCall function(const QString& name, const QJsonObject& arguments);
    static FakeToolCall customTool(const QString& name, const QString& input);

    QByteArray argumentsJson() const; // compact, as the arguments string of OpenAI's wires
    // The arguments string, or a custom call's input, in two pieces as streams send them: a
    // client must put the fragments together before it parses them.
    QList<QString> argumentPieces() const;
    QList<QString> inputPieces() const;
};
