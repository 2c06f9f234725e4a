-- Demo products for the local profile only (after R__demo_categories). Safe to re-run: a product is only
-- inserted when its SKU is not there yet, so edits made while browsing are kept.
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0001', 'Clean Code', 'A handbook of agile software craftsmanship.', id, 32.90, 'EUR', 25, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0001');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0002', 'The Pragmatic Programmer', 'Your journey to mastery, 20th anniversary edition.', id, 41.50, 'EUR', 18, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0002');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0003', 'Designing Data-Intensive Applications', 'The big ideas behind reliable, scalable and maintainable systems.', id, 45.00, 'EUR', 12, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0003');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0004', 'Effective Java', 'Best practices for the Java platform, third edition.', id, 44.90, 'EUR', 30, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0004');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0005', 'Java Concurrency in Practice', 'Threads, locks and the Java memory model explained.', id, 39.90, 'EUR', 0, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0005');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0006', 'Refactoring', 'Improving the design of existing code.', id, 47.00, 'EUR', 9, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0006');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0007', 'Domain-Driven Design', 'Tackling complexity in the heart of software.', id, 54.00, 'EUR', 6, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0007');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'BOOK-0008', 'The Hobbit', 'A fantasy classic, paperback.', id, 12.99, 'EUR', 40, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'books' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'BOOK-0008');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'ELEC-0001', 'USB-C Charger 65 W', 'Compact GaN charger for laptops and phones.', id, 39.99, 'EUR', 50, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'ELEC-0001');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'ELEC-0002', 'Mechanical Keyboard', 'Tenkeyless, hot-swappable switches, white backlight.', id, 89.00, 'EUR', 15, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'ELEC-0002');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'ELEC-0003', 'Wireless Mouse', 'Silent clicks, two-year battery life.', id, 24.90, 'EUR', 60, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'ELEC-0003');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'ELEC-0004', '27-inch 4K Monitor', 'IPS panel, USB-C with 90 W power delivery.', id, 349.00, 'EUR', 7, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'ELEC-0004');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'ELEC-0005', 'Portable SSD 1 TB', 'USB 3.2, up to 1050 MB/s.', id, 109.00, 'EUR', 22, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'ELEC-0005');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'ELEC-0006', 'Webcam 1080p', 'Full HD webcam with privacy shutter.', id, 49.00, 'EUR', 0, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'ELEC-0006');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HEAD-0001', 'Noise Cancelling Headphones', 'Over-ear, 30 hours of battery, active noise cancelling.', id, 249.00, 'EUR', 10, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'headphones' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HEAD-0001');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HEAD-0002', 'True Wireless Earbuds', 'Water resistant earbuds with charging case.', id, 79.00, 'EUR', 35, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'headphones' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HEAD-0002');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HEAD-0003', 'Studio Monitor Headphones', 'Closed-back headphones for mixing and recording.', id, 129.00, 'EUR', 8, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'headphones' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HEAD-0003');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HOME-0001', 'Chef''s Knife 20 cm', 'Forged stainless steel, full tang.', id, 69.00, 'EUR', 14, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'home-kitchen' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-0001');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HOME-0002', 'Cast Iron Skillet', 'Pre-seasoned, 26 cm, oven safe.', id, 34.50, 'EUR', 20, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'home-kitchen' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-0002');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HOME-0003', 'Pour-Over Coffee Set', 'Glass dripper, filters and a 600 ml server.', id, 29.00, 'EUR', 25, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'home-kitchen' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-0003');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HOME-0004', 'Electric Kettle', '1.7 litres, temperature control, keep warm.', id, 54.90, 'EUR', 11, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'home-kitchen' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-0004');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HOME-0005', 'Bamboo Cutting Board', 'Large board with juice groove.', id, 19.90, 'EUR', 45, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'home-kitchen' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-0005');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'HOME-0006', 'Stand Mixer', 'Five-litre bowl, ten speeds, dough hook included.', id, 299.00, 'EUR', 3, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'home-kitchen' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'HOME-0006');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'OUTD-0001', 'Two-Person Tent', 'Lightweight three-season tent, 2.1 kg.', id, 189.00, 'EUR', 5, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'outdoor' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'OUTD-0001');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'OUTD-0002', 'Trekking Poles', 'Carbon, adjustable, pair.', id, 59.00, 'EUR', 16, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'outdoor' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'OUTD-0002');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'OUTD-0003', 'Insulated Water Bottle', 'Keeps drinks cold for 24 hours, 750 ml.', id, 24.00, 'EUR', 70, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'outdoor' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'OUTD-0003');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'OUTD-0004', 'Headlamp 400 lm', 'Rechargeable headlamp with red light mode.', id, 32.00, 'EUR', 28, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'outdoor' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'OUTD-0004');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'OUTD-0005', 'Down Sleeping Bag', 'Comfort rated to -5 degrees Celsius.', id, 219.00, 'EUR', 4, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'outdoor' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'OUTD-0005');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'OUTD-0006', 'Hiking Backpack 40 L', 'Ventilated back panel, rain cover included.', id, 119.00, 'EUR', 9, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'outdoor' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'OUTD-0006');
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'OUTD-0007', 'Camping Stove', 'Compact gas stove with piezo ignition.', id, 45.00, 'EUR', 0, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'outdoor' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'OUTD-0007');
-- one product that is no longer sold: only admins see it
INSERT INTO products (sku, name, description, category_id, price, currency, stock_quantity, active, created_at, updated_at)
    SELECT 'ELEC-0099', 'MP3 Player', 'Discontinued.', id, 19.00, 'EUR', 3, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM categories WHERE slug = 'electronics' AND NOT EXISTS (SELECT 1 FROM products WHERE sku = 'ELEC-0099');
