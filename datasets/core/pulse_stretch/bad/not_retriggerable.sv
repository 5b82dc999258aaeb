module TopModule(input clk, input reset, input in, output logic out);
  logic [1:0] remain;
  always @(posedge clk) begin
    if (reset)               remain <= 2'd0;
    else if (remain != 2'd0) remain <= remain - 2'd1;   // ignores in while running
    else if (in)             remain <= 2'd3;
  end
  assign out = (remain != 2'd0);
endmodule
