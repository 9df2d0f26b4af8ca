-- The demo shop's own database: what its services read and change. Idempotent (run at every
-- start): tables are created when missing and the seed rows inserted only once. Every table
-- has a primary key, which the db agent's audit trail identifies rows by.

CREATE TABLE IF NOT EXISTS customers (
    id text PRIMARY KEY,                      -- the enduser.id of this shopper
    name text NOT NULL,
    email text NOT NULL UNIQUE,
    country text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS products (
    id integer PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    name text NOT NULL,
    price_cents integer NOT NULL CHECK (price_cents > 0),
    currency text NOT NULL DEFAULT 'EUR'
);

CREATE TABLE IF NOT EXISTS inventory (
    product_id integer PRIMARY KEY REFERENCES products,
    on_hand integer NOT NULL CHECK (on_hand >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS coupons (
    id text PRIMARY KEY,                      -- the code a shopper types; coupon.id in spans
    kind text NOT NULL CHECK (kind IN ('percent', 'fixed')),
    value integer NOT NULL CHECK (value > 0), -- percent, or cents off
    max_redemptions integer,
    redemptions integer NOT NULL DEFAULT 0,
    valid_until timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
    id bigserial PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers,
    status text NOT NULL CHECK (status IN ('NEW', 'PENDING_PAYMENT', 'PAID', 'PAYMENT_FAILED', 'REJECTED', 'CANCELLED', 'BACKORDERED', 'EXPIRED')),
    subtotal_cents integer NOT NULL,
    discount_cents integer NOT NULL DEFAULT 0,
    total_cents integer NOT NULL,
    currency text NOT NULL,
    coupon_id text REFERENCES coupons,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    paid_at timestamptz
);
CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id, created_at DESC);
CREATE INDEX IF NOT EXISTS orders_unpaid_idx ON orders (created_at) WHERE status IN ('NEW', 'PENDING_PAYMENT');

CREATE TABLE IF NOT EXISTS order_items (
    order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE,
    product_id integer NOT NULL REFERENCES products,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_cents integer NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX IF NOT EXISTS order_items_product_idx ON order_items (product_id);

CREATE TABLE IF NOT EXISTS payments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders,
    idempotency_key text NOT NULL UNIQUE,     -- sent with the charge and echoed by the provider's callback
    provider text NOT NULL,
    provider_ref text,
    amount_cents integer NOT NULL,
    currency text NOT NULL,
    card_number text NOT NULL,                -- in clear on purpose: the db agent masks it in the audit trail
    status text NOT NULL CHECK (status IN ('PENDING', 'SUCCESS', 'DECLINED', 'TIMED_OUT', 'FAILED', 'REFUNDED')),
    callback_event_id text,                   -- set once, by the first callback for this payment
    confirmed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS payments_order_idx ON payments (order_id);
-- REFUNDED came later (a cancelled paid order is refunded): a shop database made before it has
-- the old CHECK, replaced here once (the constraint is the one CREATE TABLE named by default).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'payments'::regclass AND conname = 'payments_status_check'
                     AND pg_get_constraintdef(oid) LIKE '%REFUNDED%') THEN
        ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_status_check;
        ALTER TABLE payments ADD CONSTRAINT payments_status_check
            CHECK (status IN ('PENDING', 'SUCCESS', 'DECLINED', 'TIMED_OUT', 'FAILED', 'REFUNDED'));
    END IF;
END $$;

CREATE TABLE IF NOT EXISTS coupon_redemptions (
    id bigserial PRIMARY KEY,
    coupon_id text NOT NULL REFERENCES coupons,
    order_id bigint NOT NULL REFERENCES orders,
    customer_id text NOT NULL REFERENCES customers,
    discount_cents integer NOT NULL,
    redeemed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (coupon_id, order_id)
);

INSERT INTO customers (id, name, email, country) VALUES
    ('u-1001', 'Ada Lovelace', 'ada@example.com', 'GB'),
    ('u-1002', 'Grace Hopper', 'grace@example.com', 'US'),
    ('u-1003', 'Alan Turing', 'alan@example.com', 'GB'),
    ('u-1004', 'Katherine Johnson', 'katherine@example.com', 'US'),
    ('u-1005', 'Edsger Dijkstra', 'edsger@example.com', 'NL'),
    ('u-1006', 'Barbara Liskov', 'barbara@example.com', 'US'),
    ('u-1007', 'Donald Knuth', 'don@example.com', 'US'),
    ('u-1008', 'Margaret Hamilton', 'margaret@example.com', 'US'),
    ('u-1009', 'Niklaus Wirth', 'niklaus@example.com', 'CH'),
    ('u-1010', 'Frances Allen', 'frances@example.com', 'US'),
    ('u-1011', 'Tim Berners-Lee', 'tim@example.com', 'GB'),
    ('u-1012', 'Radia Perlman', 'radia@example.com', 'US'),
    ('u-1013', 'Leslie Lamport', 'leslie@example.com', 'US'),
    ('u-1014', 'Hedy Lamarr', 'hedy@example.com', 'AT'),
    ('u-1015', 'Linus Torvalds', 'linus@example.com', 'FI'),
    ('u-1016', 'Sophie Wilson', 'sophie@example.com', 'GB')
ON CONFLICT DO NOTHING;

INSERT INTO products (id, sku, name, price_cents) VALUES
    (1, 'TEE-BLK-M', 'Black T-shirt', 1990),
    (2, 'TEE-WHT-L', 'White T-shirt', 1990),
    (3, 'HOOD-GRY-M', 'Grey hoodie', 4990),
    (4, 'CAP-NVY', 'Navy cap', 1490),
    (5, 'MUG-LOGO', 'Logo mug', 990),
    (6, 'BAG-TOTE', 'Tote bag', 1290),
    (7, 'SOCK-3PK', 'Socks, 3 pack', 1190),
    (8, 'BOTTLE-STL', 'Steel bottle', 2490),
    (9, 'NOTE-A5', 'A5 notebook', 790),
    (10, 'STICK-SET', 'Sticker set', 490),
    (11, 'JACKET-RN', 'Rain jacket', 8990),
    (12, 'BEANIE-RD', 'Red beanie', 1790)
ON CONFLICT DO NOTHING;

INSERT INTO inventory (product_id, on_hand) SELECT id, 500 FROM products ON CONFLICT DO NOTHING;

INSERT INTO coupons (id, kind, value, max_redemptions, valid_until) VALUES
    ('WELCOME10', 'percent', 10, NULL, now() + interval '10 years'),
    ('SPRING5', 'fixed', 500, NULL, now() + interval '10 years'),
    ('FLASH20', 'percent', 20, 1000000, now() + interval '10 years'),
    ('SUMMER2020', 'percent', 15, NULL, '2020-09-01T00:00:00Z')
ON CONFLICT DO NOTHING;
