/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-test-platform.h"

/* The reference platform as a client sees it: every endpoint, its rules
 * under concurrency, and bad input that must change nothing. One platform
 * serves the whole file; each test works on its own campaigns. */

static CfTestPlatform *platform;

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static JsonNode *
expect_on (CfTestPlatform *on,
           const char     *method,
           const char     *path,
           const char     *token,
           const char     *body,
           guint           expected_status)
{
  guint status;
  JsonNode *node = cf_test_platform_call (on, method, path, token, body, &status);

  if (status != expected_status)
    g_error ("%s %s: expected %u, got %u: %s", method, path, expected_status, status,
             node ? json_to_string (node, FALSE) : "(no body)");
  return node;
}

static JsonNode *
expect (const char *method,
        const char *path,
        const char *token,
        const char *body,
        guint       expected_status)
{
  return expect_on (platform, method, path, token, body, expected_status);
}

static JsonArray *
items_of (JsonNode *node)
{
  return json_object_get_array_member (object_of (node), "items");
}

static gint64
money_amount (JsonObject *object,
              const char *member)
{
  return json_object_get_int_member (json_object_get_object_member (object, member), "amount");
}

static void
test_catalogue (void)
{
  g_autoptr(JsonNode) categories = expect ("GET", "/v1/categories", NULL, NULL, 200);
  g_autoptr(JsonNode) live = expect ("GET", "/v1/campaigns?state=live&sort=ending_soon", NULL, NULL, 200);
  g_autoptr(JsonNode) ended = expect ("GET", "/v1/campaigns?state=ended", NULL, NULL, 200);
  g_autoptr(JsonNode) upcoming = expect ("GET", "/v1/campaigns?state=upcoming", NULL, NULL, 200);
  g_autoptr(JsonNode) games = expect ("GET", "/v1/campaigns?category=games&state=all", NULL, NULL, 200);
  g_autoptr(JsonNode) search = expect ("GET", "/v1/campaigns?q=WATCH", NULL, NULL, 200);
  g_autoptr(JsonNode) by_slug = expect ("GET", "/v1/campaigns/yen", NULL, NULL, 200);
  g_autoptr(JsonNode) by_id = expect ("GET", "/v1/campaigns/5", NULL, NULL, 200);
  g_autoptr(JsonNode) rates = expect ("GET", "/v1/exchange-rates", NULL, NULL, 200);
  JsonObject *yen = object_of (by_slug);

  g_assert_cmpuint (json_array_get_length (items_of (categories)), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object_of (live), "total"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items_of (live), 0), "slug"),
                   ==, "ten-left");
  g_assert_cmpuint (json_array_get_length (items_of (ended)), ==, 1);
  g_assert_cmpuint (json_array_get_length (items_of (upcoming)), ==, 1);
  g_assert_cmpuint (json_array_get_length (items_of (games)), ==, 3);
  g_assert_cmpuint (json_array_get_length (items_of (search)), ==, 1);
  /* Counting every match of a search would cost more than its page. */
  g_assert_true (json_object_get_null_member (object_of (search), "total"));

  g_assert_cmpstr (json_object_get_string_member (yen, "title"), ==, "Yen watch");
  g_assert_cmpint (money_amount (yen, "pledged"), ==, 19470000 + 37500);
  g_assert_cmpint (json_object_get_int_member (yen, "backers_count"), ==, 395);
  g_assert_true (json_object_has_member (yen, "description"));
  g_assert_false (json_object_has_member (yen, "following"));
  g_assert_true (json_node_equal (by_slug, by_id));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (object_of (rates), "rates"),
                                                    "JPY"), ==, 150.0);
}

static void
test_paging (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  guint pages = 0;

  do
    {
      g_autofree char *path = cursor
        ? g_strdup_printf ("/v1/campaigns?limit=2&sort=most_backed&cursor=%s", cursor)
        : g_strdup ("/v1/campaigns?limit=2&sort=most_backed");
      g_autoptr(JsonNode) page = expect ("GET", path, NULL, NULL, 200);
      JsonArray *items = items_of (page);
      JsonNode *next = json_object_get_member (object_of (page), "next_cursor");

      for (guint i = 0; i < json_array_get_length (items); i++)
        g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (
          json_array_get_object_element (items, i), "slug"))));

      g_clear_pointer (&cursor, g_free);
      cursor = JSON_NODE_HOLDS_NULL (next) ? NULL : g_uri_escape_string (json_node_get_string (next), NULL, TRUE);
      pages++;
    }
  while (cursor != NULL);

  g_assert_cmpuint (g_hash_table_size (seen), ==, 6);
  g_assert_cmpuint (pages, ==, 3);
}

static void
test_rewards_updates_stats (void)
{
  g_autofree char *creator = cf_test_platform_sign_in (platform, "creator", "creator-pw");
  g_autoptr(JsonNode) rewards = expect ("GET", "/v1/campaigns/1/rewards", NULL, NULL, 200);
  g_autoptr(JsonNode) updates = expect ("GET", "/v1/campaigns/1/updates", NULL, NULL, 200);
  g_autoptr(JsonNode) creator_updates = expect ("GET", "/v1/campaigns/1/updates", creator, NULL, 200);
  g_autoptr(JsonNode) stats = expect ("GET", "/v1/campaigns/5/stats", NULL, NULL, 200);
  g_autoptr(JsonNode) owner_stats = expect ("GET", "/v1/campaigns/5/stats", creator, NULL, 200);
  JsonObject *limited = json_array_get_object_element (items_of (rewards), 2);
  JsonObject *newest = json_array_get_object_element (items_of (updates), 0);
  JsonObject *shipping = json_object_get_object_member (limited, "shipping");

  g_assert_cmpstr (json_object_get_string_member (limited, "title"), ==, "Limited");
  g_assert_cmpint (json_object_get_int_member (limited, "remaining"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (shipping, "type"), ==, "some_countries");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shipping, "rates")), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (items_of (rewards), 0), "limit"));

  g_assert_cmpstr (json_object_get_string_member (newest, "title"), ==, "Secret");
  g_assert_true (json_object_get_null_member (newest, "body"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items_of (creator_updates), 0),
                                                  "body"), ==, "Backers only news.");

  g_assert_cmpint (money_amount (object_of (stats), "pledged"), ==, 19470000 + 37500);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (stats), "rewards")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (owner_stats), "rewards")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (owner_stats), "funding")), >=, 1);
}

static void
test_etag (void)
{
  g_autofree char *url = g_strconcat (platform->url, "/v1/campaigns/1", NULL);
  g_autoptr(SoupMessage) first = soup_message_new ("GET", url);
  g_autoptr(SoupMessage) second = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = soup_session_send_and_read (platform->session, first, NULL, NULL);
  g_autoptr(GBytes) again = NULL;
  const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (first), "ETag");

  g_assert_nonnull (etag);
  soup_message_headers_replace (soup_message_get_request_headers (second), "If-None-Match", etag);
  again = soup_session_send_and_read (platform->session, second, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (second), ==, 304);
  g_assert_cmpuint (g_bytes_get_size (again), ==, 0);
}

static void
test_tokens (void)
{
  g_autoptr(JsonNode) tokens = expect ("POST", "/v1/auth/token", NULL,
    "{\"grant_type\": \"password\", \"username\": \"other\", \"password\": \"other-pw\"}", 200);
  const char *access = json_object_get_string_member (object_of (tokens), "access_token");
  const char *refresh = json_object_get_string_member (object_of (tokens), "refresh_token");
  g_autofree char *refresh_body = g_strdup_printf (
    "{\"grant_type\": \"refresh_token\", \"refresh_token\": \"%s\"}", refresh);
  g_autoptr(JsonNode) renewed = expect ("POST", "/v1/auth/token", NULL, refresh_body, 200);
  const char *renewed_access = json_object_get_string_member (object_of (renewed), "access_token");
  g_autoptr(JsonNode) me = expect ("GET", "/v1/me", renewed_access, NULL, 200);
  g_autoptr(JsonNode) wrong = expect ("POST", "/v1/auth/token", NULL,
    "{\"grant_type\": \"password\", \"username\": \"other\", \"password\": \"nope\"}", 400);
  g_autoptr(JsonNode) unknown = expect ("POST", "/v1/auth/token", NULL,
    "{\"grant_type\": \"password\", \"username\": \"nobody\", \"password\": \"nope\"}", 400);
  g_autoptr(JsonNode) revoked = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) refused = NULL;

  g_assert_cmpuint (strlen (access), >=, 22);  /* at least 128 random bits */
  g_assert_cmpstr (access, !=, renewed_access);
  g_assert_cmpstr (json_object_get_string_member (object_of (me), "username"), ==, "other");
  g_assert_cmpstr (cf_test_error_code (wrong), ==, "invalid_grant");
  g_assert_cmpstr (cf_test_error_code (unknown), ==, "invalid_grant");
  g_assert_cmpint (cf_test_platform_query (platform,
    "SELECT COUNT(*) FROM tokens WHERE length (hash) = 64"), ==,
    cf_test_platform_query (platform, "SELECT COUNT(*) FROM tokens"));

  revoked = expect ("DELETE", "/v1/auth/token", access, NULL, 204);
  after = expect ("GET", "/v1/me", renewed_access, NULL, 401);
  refused = expect ("POST", "/v1/auth/token", NULL, refresh_body, 400);
  g_assert_cmpstr (cf_test_error_code (after), ==, "invalid_token");
}

static void
test_following (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autoptr(JsonNode) put = expect ("PUT", "/v1/me/following/5", token, NULL, 204);
  g_autoptr(JsonNode) put_again = expect ("PUT", "/v1/me/following/1", token, NULL, 204);
  g_autoptr(JsonNode) list = expect ("GET", "/v1/me/following", token, NULL, 200);
  g_autoptr(JsonNode) campaign = expect ("GET", "/v1/campaigns/5", token, NULL, 200);
  g_autoptr(JsonNode) removed = expect ("DELETE", "/v1/me/following/5", token, NULL, 204);
  g_autoptr(JsonNode) after = expect ("GET", "/v1/me/following", token, NULL, 200);
  g_autoptr(JsonNode) missing = expect ("PUT", "/v1/me/following/999", token, NULL, 404);
  g_autoptr(JsonNode) anonymous = expect ("GET", "/v1/me/following", NULL, NULL, 401);

  /* Ending soonest first: alpha (10 days) before yen (60 days). */
  g_assert_cmpuint (json_array_get_length (items_of (list)), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items_of (list), 0), "slug"),
                   ==, "alpha");
  g_assert_true (json_object_get_boolean_member (object_of (campaign), "following"));
  g_assert_cmpuint (json_array_get_length (items_of (after)), ==, 1);
}

static void
test_pledge_lifecycle (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autofree char *pledge_path = NULL;
  g_autoptr(JsonNode) created = expect ("POST", "/v1/campaigns/1/pledges", token,
    "{\"reward_id\": 1, \"amount\": {\"amount\": 2000, \"currency\": \"EUR\"}, \"shipping_country\": \"FR\"}", 201);
  JsonObject *pledge = object_of (created);
  g_autoptr(JsonNode) mine = expect ("GET", "/v1/me/pledges?status=pledged", token, NULL, 200);
  g_autoptr(JsonNode) rewards = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) addressed = NULL;
  g_autoptr(JsonNode) canceled = NULL;
  g_autoptr(JsonNode) campaign = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autofree char *other_token = cf_test_platform_sign_in (platform, "other", "other-pw");

  g_assert_cmpint (money_amount (pledge, "shipping"), ==, 500);
  g_assert_cmpint (money_amount (pledge, "bonus"), ==, 500);
  g_assert_cmpint (json_object_get_int_member (pledge, "sequence"), ==, 3);
  g_assert_cmpuint (json_array_get_length (items_of (mine)), ==, 1);
  pledge_path = g_strdup_printf ("/v1/pledges/%" G_GINT64_FORMAT, json_object_get_int_member (pledge, "id"));

  rewards = expect ("GET", "/v1/campaigns/1/rewards", NULL, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items_of (rewards), 2), "remaining"), ==, 9);

  other = expect ("PATCH", pledge_path, other_token, "{\"received\": true}", 403);
  changed = expect ("PATCH", pledge_path, token,
    "{\"reward_id\": 2, \"amount\": {\"amount\": 1500, \"currency\": \"EUR\"}}", 200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object_of (changed), "reward"), "id"), ==, 2);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT backers_count FROM rewards WHERE id = 1"), ==, 0);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT pledged FROM campaigns WHERE id = 1"), ==, 5000 + 1500);

  addressed = expect ("PATCH", pledge_path, token, "{\"address\": \"1 rue de la Paix, Paris\"}", 200);
  g_assert_cmpstr (json_object_get_string_member (object_of (addressed), "address"), ==, "1 rue de la Paix, Paris");

  canceled = expect ("DELETE", pledge_path, token, NULL, 204);
  campaign = expect ("GET", "/v1/campaigns/1", NULL, NULL, 200);
  g_assert_cmpint (money_amount (object_of (campaign), "pledged"), ==, 5000);
  g_assert_cmpint (json_object_get_int_member (object_of (campaign), "backers_count"), ==, 2);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT backers_count FROM rewards WHERE id = 2"), ==, 0);
}

static void
test_creator (void)
{
  g_autofree char *creator = cf_test_platform_sign_in (platform, "creator", "creator-pw");
  g_autofree char *other = cf_test_platform_sign_in (platform, "other", "other-pw");
  g_autoptr(JsonNode) owned = expect ("GET", "/v1/me/campaigns", creator, NULL, 200);
  g_autoptr(JsonNode) backers = expect ("GET", "/v1/campaigns/5/pledges", creator, NULL, 200);
  g_autoptr(JsonNode) forbidden = expect ("GET", "/v1/campaigns/5/pledges", other, NULL, 403);
  g_autoptr(JsonNode) not_yours = expect ("PATCH", "/v1/campaigns/5/fulfillment", other,
    "{\"reward_id\": 5, \"status\": \"shipped\"}", 403);
  g_autoptr(JsonNode) shipped = expect ("PATCH", "/v1/campaigns/5/fulfillment", creator,
    "{\"reward_id\": 5, \"status\": \"shipped\", \"tracking_number\": \"EJ1JP\", \"carrier\": \"Japan Post\"}", 200);
  g_autoptr(JsonNode) theirs = expect ("GET", "/v1/me/pledges", other, NULL, 200);
  JsonObject *backer_pledge = json_array_get_object_element (items_of (backers), 0);
  JsonObject *fulfillment = json_object_get_object_member (
    json_array_get_object_element (items_of (theirs), 0), "fulfillment");

  g_assert_cmpuint (json_array_get_length (items_of (owned)), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (backer_pledge, "backer"), "name"),
                   ==, "Otto Other");
  g_assert_cmpstr (cf_test_error_code (forbidden), ==, "forbidden");
  g_assert_cmpint (json_object_get_int_member (object_of (shipped), "updated"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (fulfillment, "status"), ==, "shipped");
  g_assert_cmpstr (json_object_get_string_member (fulfillment, "tracking_number"), ==, "EJ1JP");
  g_assert_false (json_object_get_null_member (fulfillment, "shipped_at"));
}

/* Sent five times with one key, a pledge is made once. */
static void
test_idempotent_pledge (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "fan50", "fan-pw");
  g_autofree char *url = g_strconcat (platform->url, "/v1/campaigns/6/pledges", NULL);
  const char *body = "{\"reward_id\": 6, \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}}";
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);
  gint64 first_id = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
      g_autoptr(GBytes) response = NULL;
      g_autoptr(JsonNode) node = NULL;

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Idempotency-Key",
                                    "9b2f6d1e-5f7c-4b8a-9a57-3c1d2e4f5a6b");
      soup_message_set_request_body_from_bytes (message, "application/json",
                                                g_bytes_new_static (body, strlen (body)));
      response = soup_session_send_and_read (platform->session, message, NULL, NULL);
      node = cf_test_json_from_bytes (response);

      g_assert_cmpuint (soup_message_get_status (message), ==, i == 0 ? 201 : 200);
      if (i == 0)
        first_id = json_object_get_int_member (object_of (node), "id");
      g_assert_cmpint (json_object_get_int_member (object_of (node), "id"), ==, first_id);
    }

  g_assert_cmpint (cf_test_platform_query (platform, "SELECT COUNT(*) FROM pledges WHERE campaign_id = 6"), ==, 1);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT backers_count FROM campaigns WHERE id = 6"), ==, 1);
}

/* A search read a page at a time, one campaign a page, gives every match
 * once, most popular first, as the whole list in one page does: pages
 * filled from the most popular campaigns checked first agree with the
 * index. */
static void
test_search_pages_in_order (void)
{
  const char *searches[] = { "a", "Cleo", "e" };

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *all_path = g_strdup_printf ("/v1/campaigns?q=%s&state=all&limit=100", searches[i]);
      g_autoptr(JsonNode) all = expect ("GET", all_path, NULL, NULL, 200);
      g_autofree char *cursor = NULL;
      guint n = 0;

      do
        {
          g_autofree char *path = g_strdup_printf ("/v1/campaigns?q=%s&state=all&limit=1%s%s", searches[i],
                                                   cursor ? "&cursor=" : "", cursor ? cursor : "");
          g_autoptr(JsonNode) page = expect ("GET", path, NULL, NULL, 200);
          JsonObject *object = object_of (page);

          g_assert_cmpuint (json_array_get_length (items_of (page)), ==, 1);
          g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items_of (page), 0), "id"), ==,
                           json_object_get_int_member (json_array_get_object_element (items_of (all), n), "id"));
          n++;
          g_free (cursor);
          cursor = json_object_get_null_member (object, "next_cursor")
                   ? NULL : g_uri_escape_string (json_object_get_string_member (object, "next_cursor"), NULL, TRUE);
        }
      while (cursor != NULL);
      g_assert_cmpuint (n, ==, json_array_get_length (items_of (all)));
      g_assert_cmpuint (n, >, 1);
    }
}

typedef struct
{
  GMainLoop *loop;
  guint pending;
  guint accepted;
  guint sold_out;
  guint other;
} Race;

static void
raced_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Race *race = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_autoptr(JsonNode) node = cf_test_json_from_bytes (body);

  if (soup_message_get_status (message) == 201)
    race->accepted++;
  else if (g_strcmp0 (cf_test_error_code (node), "reward_sold_out") == 0)
    race->sold_out++;
  else
    {
      g_test_message ("unexpected answer %u: %s", soup_message_get_status (message),
                      error ? error->message : cf_test_error_code (node));
      race->other++;
    }

  if (--race->pending == 0)
    g_main_loop_quit (race->loop);
}

/* Fifty backers at once for ten places: ten get one, forty are told it sold out. */
static void
test_concurrent_pledges (void)
{
  g_autofree char *url = g_strconcat (platform->url, "/v1/campaigns/2/pledges", NULL);
  const char *body = "{\"reward_id\": 3, \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}}";
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Race race = { loop, 50 };

  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *username = g_strdup_printf ("fan%02u", i);
      g_autofree char *token = cf_test_platform_sign_in (platform, username, "fan-pw");
      g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);
      SoupMessage *message = soup_message_new ("POST", url);

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
      soup_message_set_request_body_from_bytes (message, "application/json",
                                                g_bytes_new_static (body, strlen (body)));
      g_ptr_array_add (messages, message);
    }

  for (guint i = 0; i < messages->len; i++)
    soup_session_send_and_read_async (platform->session, g_ptr_array_index (messages, i),
                                      G_PRIORITY_DEFAULT, NULL, raced_cb, &race);
  g_main_loop_run (loop);

  g_assert_cmpuint (race.accepted, ==, 10);
  g_assert_cmpuint (race.sold_out, ==, 40);
  g_assert_cmpuint (race.other, ==, 0);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT backers_count FROM rewards WHERE id = 3"), ==, 10);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT COUNT(*) FROM pledges WHERE reward_id = 3"), ==, 10);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT pledged FROM campaigns WHERE id = 2"), ==, 1000);
}

typedef struct
{
  const char *method;
  const char *path;
  const char *body;
  guint status;
  const char *code;
} BadRequest;

static gint64
fingerprint (void)
{
  return cf_test_platform_query (platform,
    "SELECT (SELECT COUNT(*) FROM pledges) * 1000003 + (SELECT SUM (pledged) FROM campaigns)"
    " + (SELECT SUM (backers_count) FROM rewards) * 7919 + (SELECT COUNT(*) FROM following) * 104729"
    " + (SELECT COUNT(*) FROM campaigns) * 15485863 + (SELECT COUNT(*) FROM users) * 32452843");
}

static void
test_bad_input (void)
{
  g_autofree char *huge = NULL;
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  GString *padding = g_string_new ("{\"reward_id\": 1, \"padding\": \"");
  const BadRequest cases[] = {
    { "POST", "/v1/campaigns/1/pledges", "{not json", 400, "invalid_json" },
    { "POST", "/v1/campaigns/1/pledges", "[1, 2]", 400, "invalid_json" },
    { "POST", "/v1/campaigns/1/pledges", "{\"amount\": \"2000 EUR\"}", 400, "invalid_request" },
    { "POST", "/v1/campaigns/1/pledges", "{\"amount\": {\"amount\": 20.5, \"currency\": \"EUR\"}}", 400, "invalid_request" },
    { "POST", "/v1/campaigns/1/pledges", "{\"reward_id\": \"1\", \"amount\": {\"amount\": 2000, \"currency\": \"EUR\"}}", 400, "invalid_request" },
    { "POST", "/v1/campaigns/1/pledges", "{\"amount\": {\"amount\": 2000, \"currency\": \"EUR\"}, \"coupon\": \"FREE\"}", 400, "unknown_field" },
    { "POST", "/v1/campaigns/1/pledges", "{\"amount\": {\"amount\": -2000, \"currency\": \"EUR\"}}", 400, "invalid_request" },
    { "POST", "/v1/campaigns/1/pledges", "{\"amount\": {\"amount\": 2000, \"currency\": \"JPY\"}}", 422, "currency_mismatch" },
    { "POST", "/v1/campaigns/1/pledges", "{\"reward_id\": 1, \"amount\": {\"amount\": 1000, \"currency\": \"EUR\"}, \"shipping_country\": \"FR\"}", 422, "below_minimum" },
    { "POST", "/v1/campaigns/1/pledges", "{\"reward_id\": 7, \"amount\": {\"amount\": 5000, \"currency\": \"EUR\"}, \"shipping_country\": \"FR\"}", 422, "no_shipping_to_country" },
    { "POST", "/v1/campaigns/1/pledges", "{\"reward_id\": 1, \"amount\": {\"amount\": 5000, \"currency\": \"EUR\"}, \"shipping_country\": \"france\"}", 400, "invalid_request" },
    { "POST", "/v1/campaigns/1/pledges", "{\"reward_id\": 4, \"amount\": {\"amount\": 5000, \"currency\": \"EUR\"}}", 422, "invalid_reward" },
    { "POST", "/v1/campaigns/3/pledges", "{\"amount\": {\"amount\": 5000, \"currency\": \"EUR\"}}", 422, "campaign_not_live" },
    { "POST", "/v1/campaigns/4/pledges", "{\"amount\": {\"amount\": 5000, \"currency\": \"EUR\"}}", 422, "campaign_not_live" },
    { "POST", "/v1/campaigns/999/pledges", "{\"amount\": {\"amount\": 5000, \"currency\": \"EUR\"}}", 404, "not_found" },
    { "PATCH", "/v1/pledges/1", "{\"received\": \"yes\"}", 400, "invalid_request" },
    { "PATCH", "/v1/pledges/1", "{}", 400, "invalid_request" },
    { "PATCH", "/v1/campaigns/1/fulfillment", "{\"reward_id\": 1, \"status\": \"lost\"}", 403, "forbidden" },
    { "GET", "/v1/campaigns?limit=0", NULL, 400, "invalid_request" },
    { "GET", "/v1/campaigns?limit=1000", NULL, 400, "invalid_request" },
    { "GET", "/v1/campaigns?sort=random", NULL, 400, "invalid_request" },
    { "GET", "/v1/campaigns?state=paused", NULL, 400, "invalid_request" },
    { "GET", "/v1/campaigns?cursor=bm90IGEgY3Vyc29y", NULL, 400, "invalid_request" },
    { "GET", "/v1/campaigns/999", NULL, 404, "not_found" },
    { "GET", "/v1/campaigns/1/rewards/extra", NULL, 404, "not_found" },
    { "DELETE", "/v1/campaigns", NULL, 405, "method_not_allowed" },
    { "GET", "/v1/me/pledges?status=lost", NULL, 400, "invalid_request" },
    { "POST", "/v1/auth/token", "{\"grant_type\": \"magic\"}", 400, "invalid_request" },
    { "POST", "/v1/auth/token", "{\"grant_type\": \"password\", \"username\": 7, \"password\": \"x\"}", 400, "invalid_request" },
  };
  gint64 before = fingerprint ();

  while (padding->len < 100 * 1024)
    g_string_append (padding, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (padding, "\"}");
  huge = g_string_free (padding, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("%s %s %s", cases[i].method, cases[i].path, cases[i].body ? cases[i].body : "");
      node = expect (cases[i].method, cases[i].path, token, cases[i].body, cases[i].status);

      g_assert_cmpstr (cf_test_error_code (node), ==, cases[i].code);
      g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (object_of (node), "error"),
                                                       "message"));
    }

  {
    g_autoptr(JsonNode) too_big = expect ("POST", "/v1/campaigns/1/pledges", token, huge, 413);
    g_autoptr(JsonNode) anonymous = expect ("POST", "/v1/campaigns/1/pledges", NULL, "{}", 401);
    g_autoptr(JsonNode) forged = expect ("GET", "/v1/campaigns", "forged-token", NULL, 401);

    g_assert_cmpstr (cf_test_error_code (too_big), ==, "body_too_large");
    g_assert_cmpstr (cf_test_error_code (anonymous), ==, "unauthorized");
    g_assert_cmpstr (cf_test_error_code (forged), ==, "invalid_token");
  }

  g_assert_cmpint (fingerprint (), ==, before);
}

static void
test_search_metacharacters (void)
{
  const char *searches[] = {
    "%27%3B%20DROP%20TABLE%20campaigns%3B%20--",
    "%25",
    "_",
    "%5C",
    "%22%20OR%201%3D1%20--",
    "%E2%80%AE",
  };
  gint64 before = fingerprint ();

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *path = g_strdup_printf ("/v1/campaigns?q=%s", searches[i]);
      g_autoptr(JsonNode) page = expect ("GET", path, NULL, NULL, 200);

      g_assert_cmpuint (json_array_get_length (items_of (page)), ==, 0);
    }

  g_assert_cmpint (fingerprint (), ==, before);
}

static void
assert_finds_what_like_finds (const char *search)
{
  g_autofree char *escaped = g_uri_escape_string (search, NULL, TRUE);
  g_auto(GStrv) quotes = g_strsplit (search, "'", -1);
  g_autofree char *quoted = g_strjoinv ("''", quotes);
  g_autofree char *path = g_strdup_printf ("/v1/campaigns?q=%s&state=all&limit=100", escaped);
  g_autoptr(JsonNode) page = expect ("GET", path, NULL, NULL, 200);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT COUNT(*) FROM campaigns c JOIN users u ON u.id = c.owner_id"
                         " WHERE c.title LIKE '%%%1$s%%' OR c.blurb LIKE '%%%1$s%%' OR u.name LIKE '%%%1$s%%'",
                         quoted);
  g_test_message ("“%s”", search);
  g_assert_cmpuint (json_array_get_length (items_of (page)), ==, cf_test_platform_query (platform, sql));
}

/* The trigram index finds what LIKE found, in any case and any part of a
 * word, in titles, blurbs and creators' names; and so do one or two
 * characters, too short for trigrams, wherever they stand: every single
 * letter, digit and sign of the seed's texts, and every pair of characters
 * that starts or ends one of its titles, blurbs and names, in both cases. */
static void
test_search_finds_what_like_finds (void)
{
  const char *searches[] = { "watch", "WATCH", "atc", "lph", "game", "Cleo", "eo Cr", "a", "wa", "zzz", "zq", "É" };
  g_autoptr(JsonNode) all = expect ("GET", "/v1/campaigns?state=all&limit=100", NULL, NULL, 200);
  JsonArray *campaigns = items_of (all);
  g_autoptr(GHashTable) short_searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *search;

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    assert_finds_what_like_finds (searches[i]);

  for (guint i = 0; i < 3 * json_array_get_length (campaigns); i++)
    {
      JsonObject *campaign = json_array_get_object_element (campaigns, i / 3);
      const char *text = i % 3 == 0 ? json_object_get_string_member (campaign, "title")
                         : i % 3 == 1 ? json_object_get_string_member (campaign, "blurb")
                         : json_object_get_string_member (json_object_get_object_member (campaign, "creator"), "name");
      gsize length = strlen (text);

      if (!g_str_is_ascii (text) || length == 0)
        continue;
      for (gsize at = 0; at < length; at++)
        g_hash_table_add (short_searches, g_strndup (text + at, 1));
      g_hash_table_add (short_searches, g_strndup (text, MIN (length, 2)));
      g_hash_table_add (short_searches, g_strdup (text + length - MIN (length, 2)));
      g_hash_table_add (short_searches, g_ascii_strup (text + length - MIN (length, 2), -1));
      g_hash_table_add (short_searches, g_ascii_strdown (text, MIN (length, 2)));
    }

  g_assert_cmpuint (g_hash_table_size (short_searches), >, 40);
  g_hash_table_iter_init (&iter, short_searches);
  while (g_hash_table_iter_next (&iter, (gpointer *) &search, NULL))
    if (strcmp (search, "%") != 0 && strcmp (search, "_") != 0 && strcmp (search, "\\") != 0)
      assert_finds_what_like_finds (search);

  g_assert_cmpint (cf_test_platform_query (platform, "SELECT COUNT(*) FROM campaigns_search"), ==,
                   cf_test_platform_query (platform, "SELECT COUNT(*) FROM campaigns"));
}

typedef struct
{
  GMainLoop *loop;
  SoupWebsocketConnection *connection;
  GPtrArray *messages;
  const char *awaited_type;
  gboolean heard;  /* a message of the awaited type came */
} Listener;

static void
live_message_cb (SoupWebsocketConnection *connection,
                 SoupWebsocketDataType    type,
                 GBytes                  *message,
                 Listener                *listener)
{
  JsonNode *node = cf_test_json_from_bytes (message);

  g_ptr_array_add (listener->messages, node);
  if (g_strcmp0 (json_object_get_string_member (object_of (node), "type"), listener->awaited_type) == 0)
    listener->heard = TRUE;
}

/* Whichever listener hears first: the platform sends totals and the
 * creator's pledge event at about the same time. */
static void
wait_to_hear (Listener *listener)
{
  while (!listener->heard)
    g_main_context_iteration (NULL, TRUE);
}

static void
live_connected_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Listener *listener = user_data;
  g_autoptr(GError) error = NULL;

  listener->connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (listener->loop);
}

static void
connect_listener (Listener   *listener,
                  const char *token)
{
  g_autofree char *url = g_strconcat (platform->url, "/v1/live", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  char *protocols[] = { (char *) "crowdfund.v1", NULL };

  if (token != NULL)
    {
      g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
    }
  listener->loop = g_main_loop_new (NULL, FALSE);
  listener->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  soup_session_websocket_connect_async (platform->session, message, NULL, protocols, G_PRIORITY_DEFAULT,
                                        NULL, live_connected_cb, listener);
  g_main_loop_run (listener->loop);
  g_assert_cmpstr (soup_websocket_connection_get_protocol (listener->connection), ==, "crowdfund.v1");
  g_signal_connect (listener->connection, "message", G_CALLBACK (live_message_cb), listener);
}

static void
listener_clear (Listener *listener)
{
  soup_websocket_connection_close (listener->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&listener->connection);
  g_clear_pointer (&listener->messages, g_ptr_array_unref);
  g_clear_pointer (&listener->loop, g_main_loop_unref);
}

static gboolean
pledge_later_cb (gpointer user_data)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "fan49", "fan-pw");
  g_autoptr(JsonNode) created = expect ("POST", "/v1/campaigns/1/pledges", token,
    "{\"reward_id\": 2, \"amount\": {\"amount\": 700, \"currency\": \"EUR\"}}", 201);

  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Subscribers see the new totals after a pledge; only the creator sees the
 * pledge itself; malformed messages change nothing. */
static void
test_live (void)
{
  g_autofree char *creator_token = cf_test_platform_sign_in (platform, "creator", "creator-pw");
  Listener anyone = { .awaited_type = "totals" };
  Listener creator = { .awaited_type = "pledge" };
  JsonObject *totals = NULL;

  connect_listener (&anyone, NULL);
  connect_listener (&creator, creator_token);
  soup_websocket_connection_send_text (anyone.connection, "{not json");
  soup_websocket_connection_send_text (anyone.connection, "{\"subscribe\": [\"one\"]}");
  soup_websocket_connection_send_text (anyone.connection, "{\"dance\": true}");
  soup_websocket_connection_send_text (anyone.connection, "{\"subscribe\": [1]}");
  soup_websocket_connection_send_text (creator.connection, "{\"subscribe\": [1, 5]}");

  g_timeout_add (200, pledge_later_cb, NULL);
  wait_to_hear (&creator);
  wait_to_hear (&anyone);

  for (guint i = 0; i < anyone.messages->len; i++)
    {
      JsonObject *message = object_of (g_ptr_array_index (anyone.messages, i));

      g_assert_cmpstr (json_object_get_string_member (message, "type"), !=, "pledge");
      if (g_str_equal (json_object_get_string_member (message, "type"), "totals"))
        totals = message;
    }
  g_assert_nonnull (totals);
  g_assert_cmpint (json_object_get_int_member (totals, "campaign"), ==, 1);
  g_assert_cmpint (money_amount (totals, "pledged"), ==,
                   cf_test_platform_query (platform, "SELECT pledged FROM campaigns WHERE id = 1"));
  g_assert_cmpint (json_object_get_int_member (totals, "backers_count"), ==,
                   cf_test_platform_query (platform, "SELECT backers_count FROM campaigns WHERE id = 1"));

  /* The connection survived the malformed messages. */
  g_timeout_add (150, quit_cb, anyone.loop);
  g_main_loop_run (anyone.loop);
  g_assert_cmpint (soup_websocket_connection_get_state (anyone.connection), ==, SOUP_WEBSOCKET_STATE_OPEN);

  listener_clear (&anyone);
  listener_clear (&creator);
}

static void
test_restart_keeps_data (void)
{
  gint64 before = fingerprint ();
  g_autoptr(JsonNode) campaign = NULL;

  cf_test_platform_restart (platform);
  campaign = expect ("GET", "/v1/campaigns/1", NULL, NULL, 200);
  g_assert_cmpint (fingerprint (), ==, before);
  g_assert_cmpint (cf_test_platform_query (platform, "PRAGMA user_version"), ==, 5);
}

static gboolean
stop_loop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Simulated backers pledge through the same rules: limits hold and every
 * pledge is in the totals. */
static void
test_simulated_pledges (void)
{
  g_autoptr(CfTestPlatform) simulated = cf_test_platform_start ("seed.json", "--simulate-pledges=400");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 seeded_total = 5000 + 19470000 + 37500;

  while (cf_test_platform_query (simulated, "SELECT COUNT(*) FROM pledges") <= 100)
    {
      g_timeout_add (100, stop_loop_cb, loop);
      g_main_loop_run (loop);
    }
  cf_test_platform_stop (simulated);

  g_assert_cmpint (cf_test_platform_query (simulated,
    "SELECT COUNT(*) FROM rewards WHERE reward_limit IS NOT NULL AND backers_count > reward_limit"), ==, 0);
  g_assert_cmpint (cf_test_platform_query (simulated,
    "SELECT COUNT(DISTINCT campaign_id) FROM pledges WHERE backer_id > 53"), ==, 4);
  g_assert_cmpint (cf_test_platform_query (simulated,
    "SELECT SUM (pledged) FROM campaigns WHERE state = 'live'"), ==,
    seeded_total + cf_test_platform_query (simulated,
      "SELECT SUM (amount) FROM pledges WHERE backer_id > 53"));
}

/* The demo data the README promises. */
static void
test_demo (void)
{
  g_autoptr(CfTestPlatform) demo = cf_test_platform_start (NULL, "--demo");
  g_autoptr(JsonNode) all = expect_on (demo, "GET", "/v1/campaigns?limit=100", NULL, NULL, 200);
  g_autoptr(JsonNode) wena = expect_on (demo, "GET", "/v1/campaigns/wena-wrist", NULL, NULL, 200);
  g_autoptr(JsonNode) upcoming = expect_on (demo, "GET", "/v1/campaigns?state=upcoming", NULL, NULL, 200);

  g_assert_cmpuint (json_array_get_length (items_of (all)), >=, 24);
  g_assert_cmpint (money_amount (object_of (wena), "pledged"), ==, 19470000);
  g_assert_cmpint (json_object_get_int_member (object_of (wena), "backers_count"), ==, 394);
  g_assert_cmpint (cf_test_platform_query (demo, "SELECT COUNT (DISTINCT state) FROM campaigns"), ==, 5);
  g_assert_cmpint (cf_test_platform_query (demo,
    "SELECT COUNT (DISTINCT currency) FROM campaigns WHERE currency IN ('JPY', 'EUR', 'USD', 'GBP')"), ==, 4);
  g_assert_cmpint (cf_test_platform_query (demo,
    "SELECT COUNT (DISTINCT fulfillment_status) FROM pledges p JOIN users u ON u.id = p.backer_id"
    " WHERE u.username = 'backer'"), ==, 5);
  g_assert_cmpint (cf_test_platform_query (demo,
    "SELECT COUNT(*) FROM campaigns c JOIN users u ON u.id = c.owner_id"
    " WHERE u.username = 'creator' AND c.state = 'live'"), >=, 3);
  g_free (cf_test_platform_sign_in (demo, "backer", "crowdfund-backer"));
  g_free (cf_test_platform_sign_in (demo, "creator", "crowdfund-creator"));
  g_assert_cmpuint (json_array_get_length (items_of (upcoming)), >=, 1);

  /* Every total is made of pledges: a campaign's backers and money, each
   * reward's backers, all add up to the pledges behind them. */
  g_assert_cmpint (cf_test_platform_query (demo, "SELECT COUNT(*) FROM pledges"), >, 1000);
  g_assert_cmpint (cf_test_platform_query (demo,
    "SELECT COUNT(*) FROM campaigns c WHERE c.backers_count != (SELECT COUNT(*) FROM pledges p"
    " WHERE p.campaign_id = c.id AND p.status IN ('pledged', 'collected', 'errored'))"
    " OR c.pledged != (SELECT COALESCE (SUM (amount), 0) FROM pledges p"
    " WHERE p.campaign_id = c.id AND p.status IN ('pledged', 'collected', 'errored'))"), ==, 0);
  g_assert_cmpint (cf_test_platform_query (demo,
    "SELECT COUNT(*) FROM rewards r WHERE r.backers_count != (SELECT COUNT(*) FROM pledges p"
    " WHERE p.reward_id = r.id AND p.status IN ('pledged', 'collected', 'errored'))"), ==, 0);
  /* The figures people see stay those of the campaigns the demo stands for. */
  g_assert_cmpint (cf_test_platform_query (demo, "SELECT backers_count FROM campaigns WHERE slug = 'lumen-desk-lamp'"),
                   ==, 251 + 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);

  g_test_add_func ("/platform/catalogue", test_catalogue);
  g_test_add_func ("/platform/paging", test_paging);
  g_test_add_func ("/platform/rewards-updates-stats", test_rewards_updates_stats);
  g_test_add_func ("/platform/etag", test_etag);
  g_test_add_func ("/platform/tokens", test_tokens);
  g_test_add_func ("/platform/following", test_following);
  g_test_add_func ("/platform/pledge-lifecycle", test_pledge_lifecycle);
  g_test_add_func ("/platform/creator", test_creator);
  g_test_add_func ("/platform/idempotent-pledge", test_idempotent_pledge);
  g_test_add_func ("/platform/concurrent-pledges", test_concurrent_pledges);
  g_test_add_func ("/platform/bad-input", test_bad_input);
  g_test_add_func ("/platform/search-metacharacters", test_search_metacharacters);
  g_test_add_func ("/platform/search-finds-what-like-finds", test_search_finds_what_like_finds);
  g_test_add_func ("/platform/search-pages-in-order", test_search_pages_in_order);
  g_test_add_func ("/platform/live", test_live);
  g_test_add_func ("/platform/restart-keeps-data", test_restart_keeps_data);

  g_test_add_func ("/platform/simulated-pledges", test_simulated_pledges);
  g_test_add_func ("/platform/demo", test_demo);

  status = g_test_run ();
  cf_test_platform_free (platform);
  return status;
}
