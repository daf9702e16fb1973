#pragma once

#include "router/translate/AnswerAssembler.h"

#include <QJsonArray>
#include <QMap>

// An Anthropic message from the events of its stream: message_start's message, each content
// block from its start event with its text, thinking, signature, citations and tool input (the
// JSON pieces joined and read when the block stops), and message_delta's stop reason and usage.
class AnthropicAnswerAssembler : public AnswerAssembler
{
protected:
    void take(const QJsonObject& event, const QByteArray& eventType) override;
    std::optional<QJsonObject> assembled() const override;

private:
    void applyDelta(int index, const QJsonObject& delta);
    void finishBlock(int index);

    QJsonObject m_message;
    QMap<int, QJsonObject> m_blocks;
    QMap<int, QString> m_toolInput; // input_json_delta pieces, by block
    bool m_broken = false; // a tool's input was not JSON
};
