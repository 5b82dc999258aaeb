module tb;
  reg clk = 0, reset = 1, send = 0, credit_in = 0;
  wire can_send_ref, can_send_dut;
  wire [2:0] credits_ref, credits_dut;
  integer seed = 198, samples = 0, mismatches = 0, cycle = 0, i, ps, pc;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2;

  RefModule ref_inst(.clk(clk), .reset(reset), .send(send), .credit_in(credit_in),
                     .can_send(can_send_ref), .credits(credits_ref));
  TopModule dut(.clk(clk), .reset(reset), .send(send), .credit_in(credit_in),
                .can_send(can_send_dut), .credits(credits_dut));

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
      if (!same({can_send_ref, credits_ref}, {can_send_dut, credits_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b send=%b credit_in=%b): can_send ref=%b dut=%b credits ref=%0d dut=%0d",
                   cycle, reset, send, credit_in, can_send_ref, can_send_dut, credits_ref, credits_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input s, input c);
    begin
      reset = r; send = s; credit_in = c;
      step;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 0, 0);
    drive(0, 0, 1);                   // return at 4: dropped
    drive(0, 1, 1);                   // send + return at 4: stays 4
    for (i = 0; i < 6; i = i + 1) drive(0, 1, 0);   // drain past 0
    drive(0, 1, 1);                   // send at 0 + return: 1
    drive(0, 1, 1);                   // send + return at 1: stays 1
    drive(0, 1, 0);
    drive(0, 0, 1);
    drive(0, 0, 1);
    drive(0, 1, 1);
    drive(0, 0, 1);
    drive(0, 0, 1);
    drive(0, 0, 1);                   // reaches 4, then more returns are dropped
    drive(0, 0, 1);
    drive(0, 1, 0);
    drive(0, 1, 0);
    drive(1, 1, 0);                   // reset in the middle of activity
    drive(0, 1, 0);
    // random traffic with drifting rates, occasional resets
    ps = 50; pc = 50;
    for (i = 0; i < 1500; i = i + 1) begin
      if (i % 50 == 0) begin
        ps = 10 + rnd() % 81;
        pc = 10 + rnd() % 81;
      end
      r0 = rnd(); r1 = rnd(); r2 = rnd();
      drive((r0 % 200) == 0, (r1 % 100) < ps, (r2 % 100) < pc);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
