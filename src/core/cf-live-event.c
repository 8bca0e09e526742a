/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-live-event"

#include "config.h"

#include <string.h>

#include "cf-live-event.h"
#include "cf-model.h"

/* The platform sends a few thousand events a second at the height of a
 * launch, each a flat object of known members. Building a json-glib tree for
 * each costs most of what the app spends on it, so the usual shapes are read
 * straight from the text: one object of strings without escapes, integers,
 * nulls and {"amount", "currency"} money. Anything else — escapes, numbers
 * with fractions, other nesting, a member given twice — goes through
 * json-glib, whose reading the fixed one must always agree with. */

typedef struct
{
  const char *at;
  const char *end;
} Scanner;

static void
skip_space (Scanner *scanner)
{
  while (scanner->at < scanner->end &&
         (*scanner->at == ' ' || *scanner->at == '\t' || *scanner->at == '\n' || *scanner->at == '\r'))
    scanner->at++;
}

static gboolean
expect (Scanner *scanner,
        char     c)
{
  skip_space (scanner);
  if (scanner->at == scanner->end || *scanner->at != c)
    return FALSE;
  scanner->at++;
  return TRUE;
}

/* A string of printable ASCII without escapes; its text is not copied. */
static gboolean
read_plain_string (Scanner     *scanner,
                   const char **text,
                   gsize       *length)
{
  const char *start;

  if (!expect (scanner, '"'))
    return FALSE;
  start = scanner->at;
  while (scanner->at < scanner->end && *scanner->at != '"')
    {
      guchar c = *scanner->at;

      if (c < 0x20 || c >= 0x7f || c == '\\')
        return FALSE;
      scanner->at++;
    }
  if (scanner->at == scanner->end)
    return FALSE;
  *text = start;
  *length = scanner->at - start;
  scanner->at++;
  return TRUE;
}

/* An integer of at most 18 digits, so that it cannot overflow. */
static gboolean
read_integer (Scanner *scanner,
              gint64  *value)
{
  gboolean negative = FALSE;
  guint digits = 0;
  gint64 number = 0;
  const char *first;

  skip_space (scanner);
  if (scanner->at < scanner->end && *scanner->at == '-')
    {
      negative = TRUE;
      scanner->at++;
    }
  first = scanner->at;
  while (scanner->at < scanner->end && g_ascii_isdigit (*scanner->at))
    {
      if (++digits > 18)
        return FALSE;
      number = number * 10 + (*scanner->at - '0');
      scanner->at++;
    }
  /* JSON forbids leading zeros; a fraction or exponent is not an integer. */
  if (digits == 0 || (digits > 1 && *first == '0') ||
      (scanner->at < scanner->end && (*scanner->at == '.' || *scanner->at == 'e' || *scanner->at == 'E')))
    return FALSE;
  *value = negative ? -number : number;
  return TRUE;
}

static gboolean
read_null (Scanner *scanner)
{
  skip_space (scanner);
  if (scanner->end - scanner->at < 4 || memcmp (scanner->at, "null", 4) != 0)
    return FALSE;
  scanner->at += 4;
  return TRUE;
}

static gboolean
copy_text (char       *buffer,
           gsize       size,
           const char *text,
           gsize       length)
{
  if (length >= size)
    return FALSE;
  memcpy (buffer, text, length);
  buffer[length] = '\0';
  return TRUE;
}

/* @number in decimal, as "%" G_GINT64_FORMAT would write it, without
 * printf's cost: ids come with every event. */
static void
write_integer (char   buffer[24],
               gint64 number)
{
  char digits[24];
  guint64 rest = number < 0 ? -(guint64) number : (guint64) number;
  guint n = 0, at = 0;

  do
    digits[n++] = '0' + rest % 10;
  while ((rest /= 10) > 0);
  if (number < 0)
    buffer[at++] = '-';
  while (n > 0)
    buffer[at++] = digits[--n];
  buffer[at] = '\0';
}

/* An id as the platform sends it — integer, text or null — as text. A text
 * too long for the buffer leaves the member unset, as json-glib's reading
 * does. */
static gboolean
read_id (Scanner  *scanner,
         gboolean *has,
         char      buffer[24])
{
  const char *text;
  gsize length;
  gint64 number;

  skip_space (scanner);
  if (scanner->at == scanner->end)
    return FALSE;
  if (*scanner->at == 'n')
    {
      buffer[0] = '\0';
      *has = TRUE;
      return read_null (scanner);
    }
  if (*scanner->at == '"')
    {
      if (!read_plain_string (scanner, &text, &length))
        return FALSE;
      *has = copy_text (buffer, 24, text, length);
      return TRUE;
    }
  if (!read_integer (scanner, &number))
    return FALSE;
  write_integer (buffer, number);
  *has = TRUE;
  return TRUE;
}

/* Exactly {"amount": integer, "currency": "XXX"}, in that order. */
static gboolean
read_money (Scanner  *scanner,
            gboolean *has,
            CfMoney  *money)
{
  const char *text;
  gsize length;
  gint64 amount;
  char currency[4];

  if (!expect (scanner, '{') ||
      !read_plain_string (scanner, &text, &length) || length != 6 || memcmp (text, "amount", 6) != 0 ||
      !expect (scanner, ':') || !read_integer (scanner, &amount) || !expect (scanner, ',') ||
      !read_plain_string (scanner, &text, &length) || length != 8 || memcmp (text, "currency", 8) != 0 ||
      !expect (scanner, ':') || !read_plain_string (scanner, &text, &length) || !expect (scanner, '}'))
    return FALSE;

  *has = copy_text (currency, sizeof currency, text, length) && cf_money_init (money, amount, currency, NULL);
  return TRUE;
}

/* The value of a member the app does not read: one an id could be (a plain
 * string, an integer or null), else the message is left to json-glib. */
static gboolean
skip_value (Scanner *scanner)
{
  char unread[24];
  gboolean fits;

  return read_id (scanner, &fits, unread);
}

static CfLiveEventType
type_named (const char *text,
            gsize       length)
{
  static const struct { const char *name; CfLiveEventType type; } types[] = {
    { "totals", CF_LIVE_EVENT_TOTALS },
    { "pledge", CF_LIVE_EVENT_PLEDGE },
    { "state", CF_LIVE_EVENT_STATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strlen (types[i].name) == length && memcmp (types[i].name, text, length) == 0)
      return types[i].type;
  return CF_LIVE_EVENT_OTHER;
}

static gboolean
is_member (const char *name,
           const char *text,
           gsize       length)
{
  return strlen (name) == length && memcmp (name, text, length) == 0;
}

/* Reads the usual shapes straight from @data; FALSE when the message needs
 * json-glib. */
gboolean
cf_live_event_read_fixed (CfLiveEvent *event,
                          const char  *data,
                          gsize        length)
{
  Scanner scanner = { data, data + length };
  guint seen = 0;

  memset (event, 0, sizeof *event);
  if (!expect (&scanner, '{'))
    return FALSE;
  skip_space (&scanner);
  if (scanner.at < scanner.end && *scanner.at == '}')
    return FALSE;

  do
    {
      const char *name, *text = NULL;
      gsize name_length, text_length = 0;
      gboolean read;
      guint bit;

      if (!read_plain_string (&scanner, &name, &name_length) || !expect (&scanner, ':'))
        return FALSE;

      if (is_member ("type", name, name_length))
        {
          bit = 1 << 0;
          read = read_plain_string (&scanner, &text, &text_length);
          event->type = type_named (text, read ? text_length : 0);
        }
      else if (is_member ("campaign", name, name_length))
        bit = 1 << 1, read = read_id (&scanner, &event->has_campaign, event->campaign);
      else if (is_member ("reward_id", name, name_length))
        bit = 1 << 2, read = read_id (&scanner, &event->has_reward_id, event->reward_id);
      else if (is_member ("pledged", name, name_length))
        bit = 1 << 3, read = read_money (&scanner, &event->has_pledged, &event->pledged);
      else if (is_member ("amount", name, name_length))
        bit = 1 << 4, read = read_money (&scanner, &event->has_amount, &event->amount);
      else if (is_member ("backers_count", name, name_length))
        bit = 1 << 5, read = event->has_backers_count = read_integer (&scanner, &event->backers_count);
      else if (is_member ("state", name, name_length))
        {
          bit = 1 << 6;
          read = read_plain_string (&scanner, &text, &text_length);
          if (read)
            copy_text (event->state, sizeof event->state, text, text_length);
        }
      else
        bit = 0, read = skip_value (&scanner);

      /* A member given twice, or of a kind not read here: json-glib decides. */
      if (!read || (seen & bit) != 0)
        return FALSE;
      seen |= bit;
    }
  while (expect (&scanner, ','));

  if (!expect (&scanner, '}'))
    return FALSE;
  skip_space (&scanner);
  return scanner.at == scanner.end;
}

/* An id as json-glib read it: integer or text, "" for null. */
static gboolean
tree_id (JsonObject *object,
         const char *member,
         char        buffer[24])
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 number;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      buffer[0] = '\0';
      return TRUE;
    }
  if (cf_model_json_int (object, member, &number))
    {
      g_snprintf (buffer, 24, "%" G_GINT64_FORMAT, number);
      return TRUE;
    }
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strlcpy (buffer, json_node_get_string (node), 24) < 24;

  return FALSE;
}

static gboolean
tree_money (JsonObject *object,
            const char *member,
            CfMoney    *money)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && cf_money_from_json (node, money, NULL);
}

/* Reads any message json-glib could parse; FALSE when it is not an object. */
gboolean
cf_live_event_read_tree (CfLiveEvent *event,
                         JsonNode    *root)
{
  JsonObject *object;
  const char *type;
  const char *state;

  memset (event, 0, sizeof *event);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  type = cf_model_json_string (object, "type");
  event->type = type ? type_named (type, strlen (type)) : CF_LIVE_EVENT_OTHER;
  event->has_campaign = tree_id (object, "campaign", event->campaign);
  event->has_reward_id = tree_id (object, "reward_id", event->reward_id);
  event->has_pledged = tree_money (object, "pledged", &event->pledged);
  event->has_amount = tree_money (object, "amount", &event->amount);
  event->has_backers_count = cf_model_json_int (object, "backers_count", &event->backers_count);
  state = cf_model_json_string (object, "state");
  if (state != NULL && strlen (state) < sizeof event->state)
    strcpy (event->state, state);
  return TRUE;
}

/* One message of the live feed, already checked against the feed's size
 * and nesting limits: the fixed reading when it applies, else json-glib's
 * through @parser. */
gboolean
cf_live_event_read (CfLiveEvent *event,
                    JsonParser  *parser,
                    const char  *data,
                    gsize        length)
{
  return cf_live_event_read_fixed (event, data, length) ||
         (json_parser_load_from_data (parser, data, length, NULL) &&
          cf_live_event_read_tree (event, json_parser_get_root (parser)));
}

static gboolean
same_money (gboolean       has_a,
            const CfMoney *a,
            gboolean       has_b,
            const CfMoney *b)
{
  return has_a == has_b && (!has_a || cf_money_equal (a, b));
}

/* Whether two readings of a message agree on everything the app reads. */
gboolean
cf_live_event_equal (const CfLiveEvent *a,
                     const CfLiveEvent *b)
{
  return a->type == b->type &&
         a->has_campaign == b->has_campaign && (!a->has_campaign || g_str_equal (a->campaign, b->campaign)) &&
         a->has_reward_id == b->has_reward_id && (!a->has_reward_id || g_str_equal (a->reward_id, b->reward_id)) &&
         same_money (a->has_pledged, &a->pledged, b->has_pledged, &b->pledged) &&
         same_money (a->has_amount, &a->amount, b->has_amount, &b->amount) &&
         a->has_backers_count == b->has_backers_count &&
         (!a->has_backers_count || a->backers_count == b->backers_count) &&
         g_str_equal (a->state, b->state);
}
