module tb;
  reg clk = 0, reset = 1, sclk = 0, cs_n = 1, mosi = 0, load = 0;
  reg [7:0] load_data = 0;
  wire miso_ref, rx_valid_ref, miso_dut, rx_valid_dut;
  wire [7:0] rx_byte_ref, rx_byte_dut;
  integer seed = 121, samples = 0, mismatches = 0, cycle = 0, i, j, mode;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2, r3, r4, r5;

  RefModule ref_inst(.clk(clk), .reset(reset), .sclk(sclk), .cs_n(cs_n), .mosi(mosi),
                     .load(load), .load_data(load_data), .miso(miso_ref),
                     .rx_byte(rx_byte_ref), .rx_valid(rx_valid_ref));
  TopModule dut(.clk(clk), .reset(reset), .sclk(sclk), .cs_n(cs_n), .mosi(mosi),
                .load(load), .load_data(load_data), .miso(miso_dut),
                .rx_byte(rx_byte_dut), .rx_valid(rx_valid_dut));

  always #5 clk = ~clk;

  // Seeded xorshift32 generator: the same sequence in every simulator. (Verilator 5.006's
  // $random(seed) is degenerate: the seed only shifts left, so low bits stick at 0.)
  function automatic [31:0] rnd();
    begin
      if (seed == 0) seed = 32'h2545F491;
      seed = seed ^ (seed << 13);
      seed = seed ^ (seed >> 17);
      seed = seed ^ (seed << 5);
      rnd = seed;
    end
  endfunction

  // A bit matches when the reference is X/Z there, or both bits are equal.
  function automatic bit same(input [31:0] r, input [31:0] d);
    same = (r === (r ^ d ^ r));
  endfunction

  // Inputs are set just after a falling edge; compare 1 time unit later, then wait for the
  // next falling edge. One call = one compared cycle.
  task automatic step;
    begin
      #1;
      samples = samples + 1;
      if (!same({miso_ref, rx_byte_ref, rx_valid_ref}, {miso_dut, rx_byte_dut, rx_valid_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b sclk=%b cs_n=%b mosi=%b load=%b load_data=%h): miso ref=%b dut=%b rx_byte ref=%h dut=%h rx_valid ref=%b dut=%b",
                   cycle, reset, sclk, cs_n, mosi, load, load_data, miso_ref, miso_dut,
                   rx_byte_ref, rx_byte_dut, rx_valid_ref, rx_valid_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input sc, input cs, input mo, input ld, input [7:0] ldd);
    begin
      reset = r; sclk = sc; cs_n = cs; mosi = mo; load = ld; load_data = ldd;
      step;
    end
  endtask

  // Hold the SPI lines for n cycles; load pulses with probability pl percent.
  task automatic hold(input sc, input cs, input mo, input integer n, input integer pl);
    integer c;
    reg [31:0] h0, h1;
    begin
      for (c = 0; c < n; c = c + 1) begin
        h0 = rnd(); h1 = rnd();
        drive(0, sc, cs, mo, (h0 % 100) < pl, h1);
      end
    end
  endtask

  // One mode-0 transaction of nbits bits: cs_n falls, mosi is set while sclk is low, each
  // half period lasts lo/hi cycles (random 1..3 when the argument is 0).
  task automatic xfer(input [15:0] word, input integer nbits, input integer half, input integer pl);
    integer b, lo, hi;
    reg [31:0] x0, x1;
    begin
      x0 = rnd();
      hold(0, 0, word[15], 1 + x0 % 3, pl);
      for (b = 0; b < nbits; b = b + 1) begin
        x0 = rnd(); x1 = rnd();
        lo = half ? half : 1 + x0 % 3;
        hi = half ? half : 1 + x1 % 3;
        if (b > 0) hold(0, 0, word[15 - b], lo, pl);
        hold(1, 0, word[15 - b], hi, pl);
      end
      x0 = rnd(); x1 = rnd();
      hold(0, 0, x0, 1 + x1 % 2, pl);
      x0 = rnd(); x1 = rnd();
      hold(0, 1, x0, 1 + x1 % 3, pl);
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 0, 1, 0, 0, 8'h00);
    drive(0, 0, 1, 0, 1, 8'hC5);                  // load the first reply
    hold(0, 1, 0, 2, 0);
    xfer(16'hA500, 8, 2, 0);                      // one clean word
    drive(0, 0, 1, 0, 1, 8'h3E);
    xfer(16'h5A00, 8, 1, 0);                      // fastest SCLK
    xfer(16'h0FF0, 16, 2, 0);                     // two words in one selection (no reload)
    drive(0, 0, 1, 0, 1, 8'h81);
    xfer(16'hFF00, 5, 2, 0);                      // aborted after 5 bits
    xfer(16'h6900, 8, 3, 0);                      // counter restarted by cs_n
    drive(0, 0, 1, 0, 1, 8'hF0);
    hold(0, 0, 1, 2, 0);
    hold(1, 0, 1, 2, 0);
    drive(0, 0, 0, 0, 1, 8'h0F);                  // load in the middle of a transaction
    hold(0, 0, 0, 1, 0);
    hold(1, 0, 0, 2, 0);
    hold(0, 0, 1, 2, 0);
    drive(1, 1, 0, 1, 0, 8'h00);                  // reset in the middle of a transaction
    hold(1, 0, 1, 2, 0);
    hold(0, 0, 0, 2, 0);
    hold(1, 1, 0, 3, 0);                          // SCLK toggling while not selected
    hold(0, 1, 0, 3, 0);
    hold(1, 1, 0, 3, 0);
    xfer(16'h9C00, 8, 2, 0);
    drive(1, 1, 0, 1, 0, 8'h00);                  // reset with SCLK high and selected: sclk_q
    hold(1, 0, 1, 2, 0);                          // restarts at 0, so SCLK high is a rising edge
    r0 = 32'hB2;                                  // (first bit 1) and the word is 8'hB2
    for (j = 6; j >= 0; j = j - 1) begin
      hold(0, 0, r0[j], 2, 0);
      hold(1, 0, r0[j], 2, 0);
    end
    hold(0, 0, 0, 2, 0);
    hold(0, 1, 0, 2, 0);
    // random transactions, noise and resets
    for (i = 0; i < 100; i = i + 1) begin
      mode = rnd() % 6;
      if (mode == 0) begin
        for (j = 0; j < 12; j = j + 1) begin
          r0 = rnd(); r1 = rnd(); r2 = rnd(); r3 = rnd(); r4 = rnd(); r5 = rnd();
          drive((r0 % 40) == 0, r1, (r2 % 4) == 0, r3, (r4 % 8) == 0, r5);
        end
      end else if (mode == 1) begin
        r0 = rnd(); r1 = rnd();
        xfer(r0, 1 + r1 % 16, 0, 10);
      end else begin
        r0 = rnd(); r1 = rnd();
        xfer(r0, (r1 % 2) ? 8 : 16, 0, 3);
      end
      r0 = rnd(); r1 = rnd();
      drive(0, 0, 1, 0, (r0 % 2) == 0, r1);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
