module tb;
  reg clk = 0, reset = 1, rx = 1;
  wire [7:0] data_ref, data_dut;
  wire dv_ref, fe_ref, dv_dut, fe_dut;
  integer seed = 109, samples = 0, mismatches = 0, cycle = 0, i, j, mode;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1;

  RefModule ref_inst(.clk(clk), .reset(reset), .rx(rx), .data(data_ref),
                     .data_valid(dv_ref), .framing_error(fe_ref));
  TopModule dut(.clk(clk), .reset(reset), .rx(rx), .data(data_dut),
                .data_valid(dv_dut), .framing_error(fe_dut));

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
      if (!same({data_ref, dv_ref, fe_ref}, {data_dut, dv_dut, fe_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b rx=%b): data ref=%h dut=%h data_valid ref=%b dut=%b framing_error ref=%b dut=%b",
                   cycle, reset, rx, data_ref, data_dut, dv_ref, dv_dut, fe_ref, fe_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input line);
    begin
      reset = r; rx = line;
      step;
    end
  endtask

  task automatic hold(input line, input integer n);
    integer c;
    begin
      for (c = 0; c < n; c = c + 1) drive(0, line);
    end
  endtask

  // Sends one frame. m = 0: exact 4-cycle bits; m = 1: every bit 3 to 5 cycles long;
  // m = 2: slow line (5-cycle bits); m = 3: fast line (3-cycle bits).
  task automatic send(input [7:0] b, input stop, input integer m);
    integer k, len;
    reg [9:0] f;
    begin
      f = {stop, b, 1'b0};
      for (k = 0; k < 10; k = k + 1) begin
        case (m)
          0: len = 4;
          1: len = 3 + rnd() % 3;
          2: len = 5;
          default: len = 3;
        endcase
        hold(f[k], len);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 1);
    hold(1, 3);
    send(8'hA5, 1, 0); hold(1, 4);
    send(8'h3C, 1, 0);                       // back to back frames
    send(8'h81, 1, 0); hold(1, 2);
    send(8'h5A, 0, 0); hold(1, 6);           // framing error
    send(8'h00, 0, 0); hold(0, 12);          // break: line stays low
    hold(1, 40);
    drive(0, 0); hold(1, 8);                 // one-cycle glitch: false start
    hold(0, 2); hold(1, 8);                  // two-cycle glitch
    hold(0, 3); hold(1, 40);                 // three-cycle low: taken as a start
    send(8'hC3, 1, 2); hold(1, 5);
    send(8'h96, 1, 3); hold(1, 5);
    send(8'hF0, 1, 0);
    send(8'h0F, 1, 0);
    hold(1, 5);
    send(8'h77, 1, 0);
    for (i = 0; i < 15; i = i + 1) drive(0, 1);
    drive(1, 1);                             // reset in the middle of a frame
    hold(0, 10);
    hold(1, 30);
    // random frames, gaps, glitches and noise with occasional resets
    for (i = 0; i < 120; i = i + 1) begin
      mode = rnd() % 8;
      if (mode < 4) begin
        r0 = rnd(); r1 = rnd();
        send(r0, (r1 % 6) != 0, mode);
      end else if (mode == 4) begin
        r0 = rnd();
        hold(0, 1 + r0 % 3);
      end else if (mode == 5) begin
        for (j = 0; j < 10; j = j + 1) begin
          r0 = rnd(); r1 = rnd();
          drive((r0 % 50) == 0, r1);
        end
      end else if (mode == 6) begin
        r0 = rnd();
        send(r0, 1, 1);
        drive(1, 1);
      end
      r0 = rnd();
      hold(1, r0 % 6);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
