module tb;
  reg clk = 0, reset = 1, push = 0, pop = 0;
  reg [7:0] din = 0;
  wire [7:0] top_ref, top_dut;
  wire empty_ref, full_ref, empty_dut, full_dut;
  integer seed = 32, samples = 0, mismatches = 0, cycle = 0, i, bias;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2;

  RefModule ref_inst(.clk(clk), .reset(reset), .push(push), .pop(pop), .din(din),
                     .top(top_ref), .empty(empty_ref), .full(full_ref));
  TopModule dut(.clk(clk), .reset(reset), .push(push), .pop(pop), .din(din),
                .top(top_dut), .empty(empty_dut), .full(full_dut));

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
      if (!same({top_ref, empty_ref, full_ref}, {top_dut, empty_dut, full_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b push=%b pop=%b din=%h): top ref=%h dut=%h empty ref=%b dut=%b full ref=%b dut=%b",
                   cycle, reset, push, pop, din, top_ref, top_dut, empty_ref, empty_dut, full_ref, full_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input pu, input po, input [7:0] d);
    begin
      reset = r; push = pu; pop = po; din = d;
      step;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 0, 0, 8'h00);
    drive(0, 0, 1, 8'h00);                       // pop while empty: ignored
    for (i = 0; i < 10; i = i + 1)               // fill, then two pushes while full
      drive(0, 1, 0, 8'h10 + i);
    drive(0, 1, 1, 8'hEE);                       // push and pop together: ignored
    for (i = 0; i < 10; i = i + 1)               // drain past empty
      drive(0, 0, 1, 8'h00);
    drive(0, 1, 1, 8'h77);                       // both while empty: ignored
    for (i = 0; i < 3; i = i + 1) drive(0, 1, 0, 8'hA0 + i);
    drive(0, 0, 1, 8'h00);
    drive(0, 1, 0, 8'h5A);                       // popped slot reused
    drive(0, 1, 1, 8'h66);
    drive(1, 1, 0, 8'h99);                       // reset during activity
    drive(0, 0, 0, 8'h00);
    drive(0, 0, 1, 8'h00);
    // random traffic; the push/pop bias drifts so the stack visits full and empty often
    bias = 50;
    for (i = 0; i < 2000; i = i + 1) begin
      if (i % 64 == 0) bias = 15 + rnd() % 71;
      r0 = rnd(); r1 = rnd(); r2 = rnd();               // kind, reset/bias, data
      case (r0 % 10)
        0: drive((r1 % 20) == 0, 1, 1, r2);
        1: drive(0, 0, 0, r2);
        default:
          if ((r1 % 100) < bias) drive(0, 1, 0, r2);
          else drive(0, 0, 1, r2);
      endcase
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
