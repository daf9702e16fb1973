#pragma once

#include "router/translate/AnthropicSseReader.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

// An Anthropic Messages stream as the Responses API's stream, as it arrives, in the events and
// order OpenAI sends and Codex reads. message_start opens the response
// (response.created, response.in_progress, holding the parameters of the client's request as
// OpenAI repeats them); each content block becomes one output item, added, streamed and done:
// text a message with one output_text part, tool_use a function_call or a custom_tool_call
// (ResponsesToAnthropic's naming: namespaces, freeform tools), thinking a reasoning item whose
// summary is the thinking when the client asked for summaries. The terminal event —
// response.completed, or response.incomplete when the answer stopped short — holds every done
// item and the usage; it is what closing() writes, once the router knows the answer is whole.
//
// Nothing of the thinking's signature goes to the client: it is bound to the account that made
// it (DESIGN.md section 3), and redacted thinking has nothing readable.
class AnthropicToResponsesStream : public AnthropicSseReader
{
public:
    // The client's Responses request body, as it sent it.
    explicit AnthropicToResponsesStream(const QJsonObject& responsesRequest);

    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    enum class Kind { Text, Thinking, FunctionCall, FreeformCall };

    // A content block turned output item, while it streams.
    struct Item
    {
        Kind kind = Kind::Text;
        int outputIndex = 0;
        QString id;
        QString text; // the text or thinking so far, or the tool's input JSON pieces
        QJsonObject toolUse; // the tool_use block of content_block_start
        bool summaryOpen = false; // a reasoning summary part was added
    };

    void messageStarted(const QJsonObject& data) override;
    void stopped(const QString& stopReason) override;
    void open();
    void blockStarted(const QJsonObject& data) override;
    void textStarted(Item& item, const QString& text);
    void thinkingStarted(Item& item, const QString& thinking);
    void callStarted(Item& item);
    void announceFunctionCall(Item& item);
    void blockDelta(const QJsonObject& data) override;
    void textDelta(Item& item, const QString& text);
    void thinkingDelta(Item& item, const QString& thinking);
    void blockStopped(const QJsonObject& data) override;
    void textDone(const Item& item);
    void thinkingDone(const Item& item);
    void functionCallDone(const Item& item);
    void freeformCallDone(Item& item);
    void itemDone(const Item& item, const QJsonObject& done);
    void write(const QJsonObject& data);

    QString itemId(const char* prefix, int outputIndex) const;
    // The response object as the events carry it: the request's parameters, the done items.
    QJsonObject response(const QString& status) const;
    QByteArray terminal(qint64 sequenceNumber) const;

    QJsonObject m_echo; // the request's parameters a response repeats
    QSet<QString> m_freeformTools; // Anthropic names of the request's custom tools
    bool m_wantsSummary = false;
    qint64 m_createdAt = 0;
    qint64 m_sequence = 0; // the next event's sequence_number
    bool m_opened = false;
    int m_outputItems = 0;
    QHash<int, Item> m_itemOfBlock; // content block index → its item
    QMap<int, QJsonObject> m_done; // output index → the item as done
    QString m_stopReason;
};
