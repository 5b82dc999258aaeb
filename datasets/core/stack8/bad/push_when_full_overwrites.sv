module TopModule(input clk, input reset, input push, input pop, input [7:0] din,
                 output [7:0] top, output empty, output full);
  reg [7:0] mem [0:7];
  reg [3:0] n;

  always @(posedge clk) begin
    if (reset) begin
      n <= 4'd0;
    end else if (push && !pop) begin
      if (n == 4'd8) mem[3'd7] <= din;          // replaces the top instead of ignoring
      else begin
        mem[n[2:0]] <= din;
        n <= n + 4'd1;
      end
    end else if (pop && !push && n != 4'd0) begin
      n <= n - 4'd1;
    end
  end

  assign empty = (n == 4'd0);
  assign full  = (n == 4'd8);
  wire [2:0] top_idx = n[2:0] - 3'd1;
  assign top   = empty ? 8'h00 : mem[top_idx];
endmodule
