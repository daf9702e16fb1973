#include "router/translate/ResponsesToAnthropic.h"

#include "router/translate/AnthropicSampling.h"
#include "router/translate/ContentText.h"
#include "router/translate/DroppedFields.h"
#include "router/translate/OpenAiToAnthropic.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ResponsesToAnthropic)
};

// Anthropic's smallest thinking budget; a request with less room thinks not at all.
constexpr int minimumThinkingBudget = 1024;

// An input_image part's image. Responses gives the URL as a string; an object with "url" (chat
// completions' shape) is read too. "detail" has no counterpart: Anthropic sizes images itself.
std::optional<QJsonObject> imageBlock(const QJsonObject& part)
{
    const QJsonValue image = part.value(QStringLiteral("image_url"));
    return anthropicImageBlock(
        image.isObject() ? image[QStringLiteral("url")].toString() : image.toString());
}

bool isTextPart(const QString& type)
{
    return type == u"input_text" || type == u"output_text" || type == u"text";
}

// The blocks of a message's content or of a tool output: a string, or a list of parts.
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
        // Anthropic refuses empty text blocks; an assistant's refusal is what it said.
        const QString text
            = part.value(type == u"refusal" ? QStringLiteral("refusal") : QStringLiteral("text"))
                  .toString();
        if (isTextPart(type) || type == u"refusal") {
            if (!text.isEmpty())
                blocks.append(anthropicTextBlock(text));
        } else if (type == u"input_image") {
            const std::optional<QJsonObject> image = imageBlock(part);
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

// The text of instructions or of a system or developer message, parts joined by line breaks.
QString messageText(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue& part : content.toArray()) {
        if (isTextPart(part[QStringLiteral("type")].toString()))
            parts.append(part[QStringLiteral("text")].toString());
    }
    return parts.join(u'\n');
}

// A function_call's arguments: a JSON string (the API's form) or, leniently, an object.
Result<QJsonObject> callArguments(const QJsonObject& item)
{
    const QJsonValue arguments = item.value(QStringLiteral("arguments"));
    if (arguments.isObject())
        return arguments.toObject();
    const QString text = arguments.toString();
    QJsonParseError parseError {};
    const QJsonDocument input = QJsonDocument::fromJson(
        text.isEmpty() ? QByteArrayLiteral("{}") : text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !input.isObject()) {
        return invalidInput(Text::tr("The arguments of tool call %1 are not a JSON object.")
                                .arg(item.value(QStringLiteral("call_id")).toString()));
    }
    return input.object();
}

QJsonObject toolUseBlock(const QJsonObject& item, const QJsonObject& input)
{
    const ResponsesToAnthropic::ToolName tool { item.value(QStringLiteral("name")).toString(),
        item.value(QStringLiteral("namespace")).toString() };
    return { { QStringLiteral("type"), QStringLiteral("tool_use") },
        { QStringLiteral("id"), item.value(QStringLiteral("call_id")) },
        { QStringLiteral("name"), ResponsesToAnthropic::anthropicToolName(tool) },
        { QStringLiteral("input"), input } };
}

Result<QJsonObject> toolResultBlock(const QJsonObject& item)
{
    const Result<QJsonArray> blocks = contentBlocks(item.value(QStringLiteral("output")));
    if (!blocks)
        return blocks.failure();
    QJsonObject result { { QStringLiteral("type"), QStringLiteral("tool_result") },
        { QStringLiteral("tool_use_id"), item.value(QStringLiteral("call_id")) } };
    // A single text keeps the plain form; Anthropic takes content blocks for images.
    if (blocks->size() == 1 && blocks->first()[QStringLiteral("type")].toString() == u"text")
        result.insert(QStringLiteral("content"), blocks->first()[QStringLiteral("text")]);
    else if (!blocks->isEmpty())
        result.insert(QStringLiteral("content"), *blocks);
    return result;
}

bool isToolResult(const QJsonValue& block)
{
    return block[QStringLiteral("type")].toString() == u"tool_result";
}

// Anthropic wants a user turn's tool results before its other blocks; a client message that
// came between a call and its output is moved after the results.
void putToolResultsFirst(QJsonArray& turns)
{
    for (qsizetype i = 0; i < turns.size(); ++i) {
        QJsonObject turn = turns.at(i).toObject();
        const QJsonArray content = turn.value(QStringLiteral("content")).toArray();
        QJsonArray ordered;
        for (const QJsonValue& block : content) {
            if (isToolResult(block))
                ordered.append(block);
        }
        for (const QJsonValue& block : content) {
            if (!isToolResult(block))
                ordered.append(block);
        }
        turn.insert(QStringLiteral("content"), ordered);
        turns.replace(i, turn);
    }
}

struct Conversation
{
    QStringList system;
    QJsonArray turns;
    DroppedFields dropped;
};

Result<void> addMessage(Conversation& conversation, const QJsonObject& item)
{
    const QString role = item.value(QStringLiteral("role")).toString();
    const QJsonValue content = item.value(QStringLiteral("content"));
    if (role == u"system" || role == u"developer") {
        // Anthropic has one system prompt: Codex's instructions are its developer messages.
        conversation.system.append(messageText(content));
        return {};
    }
    const Result<QJsonArray> blocks = contentBlocks(content);
    if (!blocks)
        return blocks.failure();
    appendAnthropicTurn(
        conversation.turns, role == u"assistant" ? role : QStringLiteral("user"), *blocks);
    return {};
}

// Reasoning state is bound to the account that made it (DESIGN.md section 3): the encrypted
// content means nothing to Anthropic. The summary is left out too: Anthropic itself keeps no
// earlier turn's thinking in context, and as visible text it would read as something the
// assistant said.
void dropReasoning(Conversation& conversation, const QJsonObject& item)
{
    if (!item.value(QStringLiteral("encrypted_content")).toString().isEmpty())
        conversation.dropped.add(QStringLiteral("input.reasoning.encrypted_content"));
    if (!item.value(QStringLiteral("summary")).toArray().isEmpty())
        conversation.dropped.add(QStringLiteral("input.reasoning.summary"));
    if (!item.value(QStringLiteral("content")).toArray().isEmpty())
        conversation.dropped.add(QStringLiteral("input.reasoning.content"));
}

// Records of what OpenAI ran on its side (hosted tools) or keeps encrypted (compaction): no
// client-side call waits for them, so the conversation stays whole without them.
bool isServerRecord(const QString& type)
{
    static const QSet<QString> records { QStringLiteral("web_search_call"),
        QStringLiteral("file_search_call"), QStringLiteral("image_generation_call"),
        QStringLiteral("code_interpreter_call"), QStringLiteral("mcp_list_tools"),
        QStringLiteral("mcp_call"), QStringLiteral("tool_search_call"),
        QStringLiteral("tool_search_output"), QStringLiteral("compaction") };
    return records.contains(type);
}

Result<void> addItem(Conversation& conversation, const QJsonObject& item)
{
    const QString type = item.value(QStringLiteral("type")).toString(QStringLiteral("message"));
    if (type == u"message")
        return addMessage(conversation, item);
    if (type == u"function_call") {
        const Result<QJsonObject> input = callArguments(item);
        if (!input)
            return input.failure();
        appendAnthropicTurn(
            conversation.turns, QStringLiteral("assistant"), { toolUseBlock(item, *input) });
    } else if (type == u"custom_tool_call") {
        const QJsonObject input { { ResponsesToAnthropic::customInputKey,
            item.value(QStringLiteral("input")).toString() } };
        appendAnthropicTurn(
            conversation.turns, QStringLiteral("assistant"), { toolUseBlock(item, input) });
    } else if (type == u"function_call_output" || type == u"custom_tool_call_output") {
        const Result<QJsonObject> result = toolResultBlock(item);
        if (!result)
            return result.failure();
        appendAnthropicTurn(conversation.turns, QStringLiteral("user"), { *result });
    } else if (type == u"reasoning") {
        dropReasoning(conversation, item);
    } else if (isServerRecord(type)) {
        conversation.dropped.add(QStringLiteral("input.") + type);
    } else {
        return unsupported(
            Text::tr("A \"%1\" item cannot be sent to an Anthropic-format provider.").arg(type));
    }
    return {};
}

Result<Conversation> conversationOf(const QJsonObject& responses)
{
    Conversation conversation;
    const QJsonValue instructions = responses.value(QStringLiteral("instructions"));
    if (instructions.isString() && !instructions.toString().isEmpty())
        conversation.system.append(instructions.toString());
    const QJsonValue input = responses.value(QStringLiteral("input"));
    if (input.isString()) {
        appendAnthropicTurn(
            conversation.turns, QStringLiteral("user"), { anthropicTextBlock(input.toString()) });
        return conversation;
    }
    for (const QJsonValue& item : input.toArray()) {
        if (const Result<void> added = addItem(conversation, item.toObject()); !added)
            return added.failure();
    }
    putToolResultsFirst(conversation.turns);
    return conversation;
}

// The tools offered, under their Anthropic names, and what was withdrawn.
struct Offer
{
    QJsonArray tools;
    QSet<QString> names;
};

// Whether a tool's calls would come back under its own name (the header's naming scheme).
bool readsBack(const QString& name, const QString& nameSpace)
{
    const QLatin1StringView separator = ResponsesToAnthropic::namespaceSeparator;
    if (name.isEmpty() || name.contains(separator))
        return false;
    return nameSpace.isEmpty() || !name.startsWith(u'_');
}

QString joinedDescription(const QString& first, const QString& second)
{
    if (first.isEmpty() || second.isEmpty())
        return first + second;
    return first + QStringLiteral("\n\n") + second;
}

// A freeform tool takes one string; its grammar, which Anthropic cannot enforce, goes into the
// description for the model to follow.
QJsonObject customSchema(const QJsonObject& tool, QString& description)
{
    const QJsonObject format = tool.value(QStringLiteral("format")).toObject();
    if (format.value(QStringLiteral("type")).toString() == u"grammar") {
        description = joinedDescription(description,
            QStringLiteral("The input is free text (not JSON) in this %1 grammar:\n%2")
                .arg(format.value(QStringLiteral("syntax")).toString(),
                    format.value(QStringLiteral("definition")).toString()));
    }
    const QJsonObject property { { QStringLiteral("type"), QStringLiteral("string") },
        { QStringLiteral("description"), QStringLiteral("The tool's whole input, as raw text.") } };
    return { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("properties"),
            QJsonObject { { ResponsesToAnthropic::customInputKey, property } } },
        { QStringLiteral("required"), QJsonArray { ResponsesToAnthropic::customInputKey } },
        { QStringLiteral("additionalProperties"), false } };
}

void offerTool(
    Offer& offer, const QJsonObject& tool, const QJsonObject& space, DroppedFields& dropped)
{
    const QString type = tool.value(QStringLiteral("type")).toString();
    const QString name = tool.value(QStringLiteral("name")).toString();
    const QString nameSpace = space.value(QStringLiteral("name")).toString();
    const QJsonObject parameters
        = tool.value(QStringLiteral("parameters"))
              .toObject({ { QStringLiteral("type"), QStringLiteral("object") } });
    const bool custom = type == u"custom";
    if (!readsBack(name, nameSpace)
        || (!custom
            && parameters[QStringLiteral("properties")].toObject().contains(
                ResponsesToAnthropic::customInputKey))) {
        dropped.add(
            QStringLiteral("tools.") + (nameSpace.isEmpty() ? name : nameSpace + u'.' + name));
        return;
    }
    QString description = joinedDescription(space.value(QStringLiteral("description")).toString(),
        tool.value(QStringLiteral("description")).toString());
    const QJsonObject schema = custom ? customSchema(tool, description) : parameters;
    const QString anthropicName = ResponsesToAnthropic::anthropicToolName({ name, nameSpace });
    QJsonObject anthropic { { QStringLiteral("name"), anthropicName },
        { QStringLiteral("input_schema"), schema } };
    if (!description.isEmpty())
        anthropic.insert(QStringLiteral("description"), description);
    offer.tools.append(anthropic);
    offer.names.insert(anthropicName);
}

// Function and custom tools are offered, a namespace's members under their joined names; the
// tools OpenAI runs itself (web_search, file_search...) and client tool search are withdrawn.
Offer offerOf(const QJsonArray& tools, DroppedFields& dropped)
{
    Offer offer;
    for (const QJsonValue& value : tools) {
        const QJsonObject tool = value.toObject();
        const QString type = tool.value(QStringLiteral("type")).toString();
        if (type == u"function" || type == u"custom") {
            offerTool(offer, tool, {}, dropped);
        } else if (type == u"namespace") {
            for (const QJsonValue& member : tool.value(QStringLiteral("tools")).toArray()) {
                const QString memberType = member[QStringLiteral("type")].toString();
                if (memberType == u"function" || memberType == u"custom")
                    offerTool(offer, member.toObject(), tool, dropped);
                else
                    dropped.add(QStringLiteral("tools.") + memberType);
            }
        } else {
            dropped.add(QStringLiteral("tools.") + type);
        }
    }
    return offer;
}

QString chosenTool(const QJsonObject& choice)
{
    return ResponsesToAnthropic::anthropicToolName(
        { choice.value(QStringLiteral("name")).toString(),
            choice.value(QStringLiteral("namespace")).toString() });
}

// allowed_tools narrows the offer to the tools it lists.
void keepAllowed(Offer& offer, const QJsonArray& allowed)
{
    QSet<QString> names;
    for (const QJsonValue& tool : allowed)
        names.insert(chosenTool(tool.toObject()));
    QJsonArray kept;
    for (const QJsonValue& tool : std::as_const(offer.tools)) {
        if (names.contains(tool[QStringLiteral("name")].toString()))
            kept.append(tool);
    }
    offer.tools = kept;
    offer.names.intersect(names);
}

// Anthropic's tool_choice for a Responses one: auto, none, required (any), one function or
// custom tool, or allowed_tools (the offer narrowed). A hosted tool or a withdrawn one cannot be
// chosen: the choice is dropped and the model decides.
QJsonObject toolChoice(const QJsonValue& choice, Offer& offer, DroppedFields& dropped)
{
    QJsonObject anthropic { { QStringLiteral("type"), QStringLiteral("auto") } };
    const QString type
        = choice.isString() ? choice.toString() : choice[QStringLiteral("type")].toString();
    const QString mode = choice[QStringLiteral("mode")].toString();
    if (type == u"required" || (type == u"allowed_tools" && mode == u"required"))
        anthropic.insert(QStringLiteral("type"), QStringLiteral("any"));
    else if (type == u"none")
        anthropic.insert(QStringLiteral("type"), QStringLiteral("none"));
    if (type == u"allowed_tools") {
        keepAllowed(offer, choice[QStringLiteral("tools")].toArray());
    } else if (type == u"function" || type == u"custom") {
        const QString name = chosenTool(choice.toObject());
        if (offer.names.contains(name))
            anthropic = { { QStringLiteral("type"), QStringLiteral("tool") },
                { QStringLiteral("name"), name } };
        else
            dropped.add(QStringLiteral("tool_choice"));
    } else if (!choice.isUndefined() && !choice.isString()) {
        dropped.add(QStringLiteral("tool_choice"));
    }
    return anthropic;
}

void addTools(QJsonObject& body, const QJsonObject& responses, DroppedFields& dropped)
{
    Offer offer = offerOf(responses.value(QStringLiteral("tools")).toArray(), dropped);
    const QJsonValue choice = responses.value(QStringLiteral("tool_choice"));
    QJsonObject anthropicChoice = toolChoice(choice, offer, dropped);
    if (offer.tools.isEmpty())
        return;
    body.insert(QStringLiteral("tools"), offer.tools);
    const bool parallel = responses.value(QStringLiteral("parallel_tool_calls")).toBool(true);
    if (!parallel)
        anthropicChoice.insert(QStringLiteral("disable_parallel_tool_use"), true);
    if (!choice.isUndefined() || !parallel)
        body.insert(QStringLiteral("tool_choice"), anthropicChoice);
}

// Anthropic refuses thinking when the conversation goes on from an assistant turn that holds
// no thinking block: a prefilled answer, or a tool call whose results are the last turn. Keyway
// cannot give those turns their signed thinking back, so such a request goes without.
bool continuesWithoutThinking(const QJsonArray& turns)
{
    if (turns.isEmpty())
        return false;
    const QJsonObject last = turns.last().toObject();
    if (last.value(QStringLiteral("role")).toString() == u"assistant")
        return true;
    const QJsonArray content = last.value(QStringLiteral("content")).toArray();
    return std::any_of(content.begin(), content.end(), isToolResult);
}

// The thinking budget this request can have: the effort's, within max_output_tokens (which
// counts reasoning in both APIs), and none where Anthropic would refuse thinking.
int allowedThinkingBudget(
    const QJsonObject& responses, const QJsonObject& body, DroppedFields& dropped)
{
    const QJsonValue effort
        = responses.value(QStringLiteral("reasoning"))[QStringLiteral("effort")];
    int budget = ResponsesToAnthropic::thinkingBudget(effort.toString());
    if (budget == 0) {
        static const QSet<QString> withoutThinking { QStringLiteral("none"),
            QStringLiteral("minimal") };
        if (effort.isString() && !withoutThinking.contains(effort.toString()))
            dropped.add(QStringLiteral("reasoning.effort"));
        return 0;
    }
    const QJsonValue maxTokens = responses.value(QStringLiteral("max_output_tokens"));
    if (maxTokens.isDouble()) // half the room at most, so that an answer follows the thought
        budget = std::min(budget, maxTokens.toInt() / 2);
    const QString choice
        = body.value(QStringLiteral("tool_choice"))[QStringLiteral("type")].toString();
    if (budget < minimumThinkingBudget || choice == u"any" || choice == u"tool"
        || continuesWithoutThinking(body.value(QStringLiteral("messages")).toArray())) {
        dropped.add(QStringLiteral("reasoning.effort"));
        return 0;
    }
    return budget;
}

// Sampling settings; with thinking, Anthropic takes no temperature and a top_p of 0.95 or more.
void addSampling(
    QJsonObject& body, const QJsonObject& responses, bool thinking, DroppedFields& dropped)
{
    // OpenAI's temperature goes to 2, Anthropic's to 1.
    if (const QJsonValue temperature = responses.value(QStringLiteral("temperature"));
        temperature.isDouble()) {
        if (thinking)
            dropped.add(QStringLiteral("temperature"));
        else
            body.insert(QStringLiteral("temperature"), std::min(1.0, temperature.toDouble()));
    }
    if (const QJsonValue topP = responses.value(QStringLiteral("top_p")); topP.isDouble()) {
        if (thinking && topP.toDouble() < 0.95)
            dropped.add(QStringLiteral("top_p"));
        else
            body.insert(QStringLiteral("top_p"), topP);
    }
}

// Request fields without an Anthropic counterpart, recorded when they ask for something.
void dropUnmapped(const QJsonObject& responses, DroppedFields& dropped)
{
    dropped.addPresent(responses,
        { "prompt_cache_key", "prompt_cache_retention", "client_metadata", "metadata",
            "service_tier", "truncation", "top_logprobs", "max_tool_calls", "stream_options",
            "context_management" });
    // Keyway stores nothing, which is what store: false (Codex's) asks.
    if (responses.value(QStringLiteral("store")).toBool())
        dropped.add(QStringLiteral("store"));
    // reasoning.encrypted_content and the like: nothing of the kind comes back.
    if (!responses.value(QStringLiteral("include")).toArray().isEmpty())
        dropped.add(QStringLiteral("include"));
    const QJsonObject text = responses.value(QStringLiteral("text")).toObject();
    if (text.contains(QStringLiteral("verbosity")))
        dropped.add(QStringLiteral("text.verbosity"));
    // A JSON schema or JSON mode: not every Anthropic-format upstream constrains output.
    const QString format = text.value(QStringLiteral("format"))[QStringLiteral("type")].toString();
    if (!format.isEmpty() && format != u"text")
        dropped.add(QStringLiteral("text.format"));
}

// What the Messages API cannot stand in for: state kept at OpenAI between requests.
std::optional<Failure> refusal(const QJsonObject& responses)
{
    if (!responses.value(QStringLiteral("previous_response_id")).toString().isEmpty()) {
        return unsupported(Text::tr("Keyway does not keep responses: send the whole conversation "
                                    "in input instead of previous_response_id."));
    }
    if (const QJsonValue conversation = responses.value(QStringLiteral("conversation"));
        !conversation.isUndefined() && !conversation.isNull()) {
        return unsupported(Text::tr("Keyway does not keep conversations: send the whole "
                                    "conversation in input."));
    }
    if (const QJsonValue prompt = responses.value(QStringLiteral("prompt"));
        !prompt.isUndefined() && !prompt.isNull()) {
        return unsupported(
            Text::tr("A prompt stored at OpenAI cannot be sent to an Anthropic-format provider."));
    }
    if (responses.value(QStringLiteral("background")).toBool())
        return unsupported(Text::tr("Keyway does not run responses in the background."));
    return std::nullopt;
}

QString userId(const QJsonObject& responses)
{
    const QString user = responses.value(QStringLiteral("user")).toString();
    return user.isEmpty() ? responses.value(QStringLiteral("safety_identifier")).toString() : user;
}

} // namespace

Result<ResponsesToAnthropic::Request> ResponsesToAnthropic::request(const QJsonObject& responses)
{
    if (const std::optional<Failure> refused = refusal(responses))
        return *refused;
    Result<Conversation> conversation = conversationOf(responses);
    if (!conversation)
        return conversation.failure();
    DroppedFields& dropped = conversation->dropped;
    QJsonObject body { { QStringLiteral("messages"), conversation->turns } };
    if (!conversation->system.isEmpty())
        body.insert(QStringLiteral("system"), conversation->system.join(u'\n'));
    addTools(body, responses, dropped);
    const int budget = allowedThinkingBudget(responses, body, dropped);
    const QJsonValue maxTokens = responses.value(QStringLiteral("max_output_tokens"));
    // Without a limit, thinking gets its budget on top of the room a plain answer has.
    body.insert(QStringLiteral("max_tokens"),
        maxTokens.isDouble() ? maxTokens
                             : QJsonValue(OpenAiToAnthropic::defaultMaxTokens + budget));
    if (budget > 0) {
        body.insert(QStringLiteral("thinking"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("enabled") },
                { QStringLiteral("budget_tokens"), budget } });
    }
    addSampling(body, responses, budget > 0, dropped);
    AnthropicSampling::keepOneOf(body, QStringLiteral("top_p"), dropped);
    if (const QString user = userId(responses); !user.isEmpty())
        body.insert(
            QStringLiteral("metadata"), QJsonObject { { QStringLiteral("user_id"), user } });
    dropUnmapped(responses, dropped);
    return Request { body, dropped.list() };
}

int ResponsesToAnthropic::thinkingBudget(const QString& effort)
{
    // Steps of Claude Code's own thinking levels; "max" fills the 32,000 output tokens of the
    // smallest thinking Claude (Opus 4) together with the default room for the answer.
    if (effort == u"low")
        return 2048;
    if (effort == u"medium")
        return 8192;
    if (effort == u"high")
        return 16384;
    if (effort == u"xhigh")
        return 24576;
    if (effort == u"max")
        return 32000 - OpenAiToAnthropic::defaultMaxTokens;
    return 0;
}

QString ResponsesToAnthropic::anthropicToolName(const ToolName& tool)
{
    return tool.nameSpace.isEmpty() ? tool.name : tool.nameSpace + namespaceSeparator + tool.name;
}

ResponsesToAnthropic::ToolName ResponsesToAnthropic::responsesToolName(const QString& anthropicName)
{
    const qsizetype split = anthropicName.lastIndexOf(namespaceSeparator);
    if (split <= 0)
        return { anthropicName, {} };
    return { anthropicName.mid(split + namespaceSeparator.size()), anthropicName.left(split) };
}

QJsonObject ResponsesToAnthropic::toolCallItem(const QJsonObject& toolUse)
{
    const ToolName tool = responsesToolName(toolUse.value(QStringLiteral("name")).toString());
    const QString callId = toolUse.value(QStringLiteral("id")).toString();
    const QJsonObject input = toolUse.value(QStringLiteral("input")).toObject();
    const QJsonValue freeform = input.value(customInputKey);
    QJsonObject item { { QStringLiteral("status"), QStringLiteral("completed") },
        { QStringLiteral("call_id"), callId }, { QStringLiteral("name"), tool.name } };
    if (input.size() == 1 && freeform.isString()) {
        item.insert(QStringLiteral("id"), QString(QStringLiteral("ctc_") + callId));
        item.insert(QStringLiteral("type"), QStringLiteral("custom_tool_call"));
        item.insert(QStringLiteral("input"), freeform);
    } else {
        item.insert(QStringLiteral("id"), QString(QStringLiteral("fc_") + callId));
        item.insert(QStringLiteral("type"), QStringLiteral("function_call"));
        item.insert(QStringLiteral("arguments"),
            QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact)));
    }
    if (!tool.nameSpace.isEmpty())
        item.insert(QStringLiteral("namespace"), tool.nameSpace);
    return item;
}

namespace {

QJsonObject messageItem(const QString& id, const QString& text)
{
    const QJsonObject part { { QStringLiteral("type"), QStringLiteral("output_text") },
        { QStringLiteral("text"), text }, { QStringLiteral("annotations"), QJsonArray() },
        { QStringLiteral("logprobs"), QJsonArray() } };
    return { { QStringLiteral("id"), id }, { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("status"), QStringLiteral("completed") },
        { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("content"), QJsonArray { part } } };
}

// Claude's thinking is what Responses calls a reasoning summary: readable text, no state.
QJsonObject reasoningItem(const QString& id, const QString& thinking)
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("type"), QStringLiteral("reasoning") },
        { QStringLiteral("summary"),
            QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("summary_text") },
                { QStringLiteral("text"), thinking } } } } };
}

// The output items of an Anthropic message, in its order: consecutive text blocks make one
// message, each thinking block a reasoning item, each tool_use a call.
QJsonArray outputItems(const QJsonObject& message)
{
    QString suffix = message.value(QStringLiteral("id")).toString();
    if (suffix.startsWith(u"msg_"))
        suffix.remove(0, 4);
    QJsonArray output;
    QStringList text;
    const auto flushText = [&] {
        if (!text.isEmpty())
            output.append(messageItem(
                QStringLiteral("msg_%1_%2").arg(suffix).arg(output.size()), text.join(QString())));
        text.clear();
    };
    for (const QJsonValue& value : message.value(QStringLiteral("content")).toArray()) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(QStringLiteral("type")).toString();
        if (type == u"text") {
            text.append(block.value(QStringLiteral("text")).toString());
        } else if (type == u"thinking") {
            flushText();
            output.append(reasoningItem(QStringLiteral("rs_%1_%2").arg(suffix).arg(output.size()),
                block.value(QStringLiteral("thinking")).toString()));
        } else if (type == u"tool_use") {
            flushText();
            output.append(ResponsesToAnthropic::toolCallItem(block));
        }
    }
    flushText();
    return output;
}

// Responses counts every input token, cached ones included; Anthropic gives no separate count
// of thinking tokens, so reasoning_tokens stays 0 (they are in output_tokens).
QJsonObject usageOf(const QJsonObject& anthropic)
{
    const qint64 cached = anthropic.value(QStringLiteral("cache_read_input_tokens")).toInteger();
    const qint64 input = anthropic.value(QStringLiteral("input_tokens")).toInteger() + cached
        + anthropic.value(QStringLiteral("cache_creation_input_tokens")).toInteger();
    const qint64 output = anthropic.value(QStringLiteral("output_tokens")).toInteger();
    return { { QStringLiteral("input_tokens"), input },
        { QStringLiteral("input_tokens_details"),
            QJsonObject { { QStringLiteral("cached_tokens"), cached } } },
        { QStringLiteral("output_tokens"), output },
        { QStringLiteral("output_tokens_details"),
            QJsonObject { { QStringLiteral("reasoning_tokens"), 0 } } },
        { QStringLiteral("total_tokens"), input + output } };
}

} // namespace

QString ResponsesToAnthropic::incompleteReason(const QString& stopReason)
{
    if (stopReason == u"max_tokens" || stopReason == u"model_context_window_exceeded")
        return QStringLiteral("max_output_tokens");
    // Claude's refusal is its safety classifier stopping the answer: OpenAI's content filter.
    if (stopReason == u"refusal")
        return QStringLiteral("content_filter");
    return {};
}

std::optional<QByteArray> ResponsesToAnthropic::answer(
    const QByteArray& anthropicBody, const QString& model)
{
    const QJsonObject root = QJsonDocument::fromJson(anthropicBody).object();
    if (root.value(QStringLiteral("type")).toString() != u"message")
        return std::nullopt;
    const QString reason = incompleteReason(root.value(QStringLiteral("stop_reason")).toString());
    // The request's settings, which a response repeats, are not known here: the defaults stand.
    const QJsonObject response {
        { QStringLiteral("id"),
            QString(QStringLiteral("resp_") + root.value(QStringLiteral("id")).toString()) },
        { QStringLiteral("object"), QStringLiteral("response") },
        { QStringLiteral("created_at"), QDateTime::currentSecsSinceEpoch() },
        { QStringLiteral("status"),
            reason.isEmpty() ? QStringLiteral("completed") : QStringLiteral("incomplete") },
        { QStringLiteral("error"), QJsonValue() },
        { QStringLiteral("incomplete_details"),
            reason.isEmpty() ? QJsonValue()
                             : QJsonObject { { QStringLiteral("reason"), reason } } },
        { QStringLiteral("model"),
            model.isEmpty() ? root.value(QStringLiteral("model")) : QJsonValue(model) },
        { QStringLiteral("output"), outputItems(root) },
        { QStringLiteral("parallel_tool_calls"), true },
        { QStringLiteral("tool_choice"), QStringLiteral("auto") },
        { QStringLiteral("tools"), QJsonArray() },
        { QStringLiteral("usage"), usageOf(root.value(QStringLiteral("usage")).toObject()) }
    };
    return QJsonDocument(response).toJson(QJsonDocument::Compact);
}

QByteArray ResponsesToAnthropic::error(const QByteArray& anthropicBody)
{
    return OpenAiToAnthropic::error(anthropicBody);
}
