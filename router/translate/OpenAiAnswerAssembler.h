#pragma once

#include "router/translate/AnswerAssembler.h"

#include <QJsonArray>
#include <QMap>

// An OpenAI chat completion from its chunks: each choice's deltas joined into its message
// (text and refusal appended, tool calls gathered by index with their arguments appended,
// fields a service adds of its own, such as reasoning_content, appended or set), its log
// probabilities and finish reason, and the usage of the last chunk.
class OpenAiAnswerAssembler : public AnswerAssembler
{
protected:
    void take(const QJsonObject& chunk, const QByteArray& eventType) override;
    std::optional<QJsonObject> assembled() const override;

private:
    struct Choice
    {
        QJsonObject message;
        QMap<int, QJsonObject> toolCalls; // by the index the deltas name
        QJsonObject logprobs;
        QJsonValue finishReason = QJsonValue::Null;
    };
    static void mergeDelta(Choice& choice, const QJsonObject& delta);
    static void mergeToolCall(QJsonObject& call, const QJsonObject& delta);
    static void appendArrays(QJsonObject& into, const QJsonObject& from);

    QJsonObject m_top; // id, created, model, system_fingerprint... as the chunks last said
    QMap<int, Choice> m_choices;
    QJsonValue m_usage = QJsonValue::Null;
};
